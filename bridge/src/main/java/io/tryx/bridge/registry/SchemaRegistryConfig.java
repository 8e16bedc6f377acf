package io.tryx.bridge.registry;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach a Confluent-API schema registry. {@code baseUrl} is the API root: {@code http://host:8081}
 * for Confluent and Karapace, {@code http://host:8081} for Redpanda's registry listener, and
 * {@code http://host:8080/apis/ccompat/v7} for Apicurio.
 */
public record SchemaRegistryConfig(URI baseUrl, RegistryAuth auth, Optional<SSLContext> sslContext,
                                   Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {

    public SchemaRegistryConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("registry URL must be http or https: " + baseUrl);
        }
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Defaults: no auth, system trust store, 5 s connect and 10 s request timeouts, {@link RetryPolicy#DEFAULT}. */
    public static Builder builder(String baseUrl) {
        return new Builder(URI.create(baseUrl));
    }

    /** Builder of {@link SchemaRegistryConfig}. */
    public static final class Builder {
        private final URI baseUrl;
        private RegistryAuth auth = RegistryAuth.none();
        private SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private RetryPolicy retry = RetryPolicy.DEFAULT;

        private Builder(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder auth(RegistryAuth auth) {
            this.auth = auth;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public SchemaRegistryConfig build() {
            return new SchemaRegistryConfig(baseUrl, auth, Optional.ofNullable(sslContext), connectTimeout,
                    requestTimeout, retry);
        }
    }
}
