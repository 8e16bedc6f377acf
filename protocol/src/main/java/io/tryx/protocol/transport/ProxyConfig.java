package io.tryx.protocol.transport;

import java.util.Objects;
import java.util.Optional;

/** A proxy the transport tunnels through: HTTP {@code CONNECT} or SOCKS5, each with optional credentials. */
public sealed interface ProxyConfig permits ProxyConfig.Http, ProxyConfig.Socks5 {

    String host();

    int port();

    Optional<Credentials> credentials();

    /** Username and password; the password never appears in {@link #toString()}. */
    record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isEmpty()) {
                throw new IllegalArgumentException("proxy username must not be empty");
            }
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    /** An HTTP proxy reached with {@code CONNECT host:port}. */
    record Http(String host, int port, Optional<Credentials> credentials) implements ProxyConfig {
        public Http {
            validate(host, port);
            credentials = Objects.requireNonNull(credentials, "credentials");
        }

        public static Http of(String host, int port) {
            return new Http(host, port, Optional.empty());
        }
    }

    /** A SOCKS5 proxy. */
    record Socks5(String host, int port, Optional<Credentials> credentials) implements ProxyConfig {
        public Socks5 {
            validate(host, port);
            credentials = Objects.requireNonNull(credentials, "credentials");
        }

        public static Socks5 of(String host, int port) {
            return new Socks5(host, port, Optional.empty());
        }
    }

    private static void validate(String host, int port) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxy host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
    }
}
