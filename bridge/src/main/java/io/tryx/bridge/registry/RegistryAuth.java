package io.tryx.bridge.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the client authenticates to the schema registry: nothing, HTTP Basic (Confluent Cloud API keys,
 * Karapace, Redpanda and Apicurio with basic auth enabled) or a bearer token (OAuth/OIDC; the supplier is
 * asked for every request so a refreshing token source can be plugged in).
 */
public sealed interface RegistryAuth {

    /** The {@code Authorization} header value for the next request, if any. */
    Optional<String> authorizationHeader();

    /** No authentication header. */
    static RegistryAuth none() {
        return None.INSTANCE;
    }

    /** HTTP Basic with a user name (or API key) and password (or API secret). */
    static RegistryAuth basic(String user, String password) {
        return new Basic(user, password);
    }

    /** Parses Confluent's {@code basic.auth.user.info} form {@code user:password}. */
    static RegistryAuth basicUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("basic auth user info must look like user:password");
        }
        return new Basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** A fixed bearer token. */
    static RegistryAuth bearer(String token) {
        Objects.requireNonNull(token, "token");
        return new Bearer(() -> token);
    }

    /** A bearer token fetched from {@code tokens} before every request (refreshing token sources). */
    static RegistryAuth bearer(Supplier<String> tokens) {
        return new Bearer(tokens);
    }

    /** No authentication. */
    enum None implements RegistryAuth {
        INSTANCE;

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }
    }

    /** HTTP Basic authentication. */
    record Basic(String user, String password) implements RegistryAuth {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Optional<String> authorizationHeader() {
            byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + ", password=***]";
        }
    }

    /** Bearer token authentication. */
    record Bearer(Supplier<String> tokens) implements RegistryAuth {
        public Bearer {
            Objects.requireNonNull(tokens, "tokens");
        }

        @Override
        public Optional<String> authorizationHeader() {
            String token = tokens.get();
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("bearer token source returned no token");
            }
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }
}
