package io.tryx.bridge.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting the launcher reads: its name in the configuration file, its environment variable and its
 * command-line flag (if any). Kafka client properties are open-ended and live under {@link #KAFKA_PROPERTIES_PREFIX}
 * ({@code TRYX_KAFKA_<NAME>} in the environment, {@code --kafka-property name=value} on the command line).
 */
public enum ConfigKey {
    KAFKA_EMBEDDED("kafka.embedded", "TRYX_KAFKA_EMBEDDED", null),
    KAFKA_BOOTSTRAP_SERVERS("kafka.bootstrap-servers", "TRYX_KAFKA_BOOTSTRAP_SERVERS", "--bootstrap-servers"),
    SCHEMA_REGISTRY_URL("schema-registry.url", "TRYX_SCHEMA_REGISTRY_URL", "--schema-registry-url"),
    SCHEMA_REGISTRY_USER("schema-registry.user", "TRYX_SCHEMA_REGISTRY_USER", null),
    SCHEMA_REGISTRY_PASSWORD("schema-registry.password", "TRYX_SCHEMA_REGISTRY_PASSWORD", null),
    SCHEMA_REGISTRY_TOKEN("schema-registry.token", "TRYX_SCHEMA_REGISTRY_TOKEN", null),
    SCHEMA_REGISTRY_TRUST_STORE("schema-registry.tls.trust-store", "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE", null),
    SCHEMA_REGISTRY_TRUST_STORE_PASSWORD("schema-registry.tls.trust-store-password",
            "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE_PASSWORD", null),
    SCHEMA_REGISTRY_KEY_STORE("schema-registry.tls.key-store", "TRYX_SCHEMA_REGISTRY_TLS_KEY_STORE", null),
    SCHEMA_REGISTRY_KEY_STORE_PASSWORD("schema-registry.tls.key-store-password",
            "TRYX_SCHEMA_REGISTRY_TLS_KEY_STORE_PASSWORD", null),
    SCHEMA_REGISTRY_KEY("schema-registry.tls.key", "TRYX_SCHEMA_REGISTRY_TLS_KEY", null),
    TOPIC_PREFIX("topic-prefix", "TRYX_TOPIC_PREFIX", "--topic-prefix"),
    STORE_URL("store.url", "TRYX_STORE", "--store"),
    STORE_USER("store.user", "TRYX_STORE_USER", null),
    STORE_PASSWORD("store.password", "TRYX_STORE_PASSWORD", null),
    STORE_POOL_SIZE("store.pool-size", "TRYX_STORE_POOL_SIZE", null),
    STORE_KAFKA_LINGER_MS("store.kafka.linger-ms", "TRYX_STORE_KAFKA_LINGER_MS", null),
    STORE_KAFKA_MAX_RECORDS("store.kafka.max-records", "TRYX_STORE_KAFKA_MAX_RECORDS", null),
    DATA_DIR("data-dir", "TRYX_DATA_DIR", "--data-dir"),
    HTTP_PORT("http.port", "TRYX_HTTP_PORT", "--http-port"),
    WHATSAPP_CHAT_URL("whatsapp.chat-url", "TRYX_WHATSAPP_CHAT_URL", null),
    WHATSAPP_NOISE_ROOT("whatsapp.noise-root", "TRYX_WHATSAPP_NOISE_ROOT", null),
    WHATSAPP_TLS_CERTIFICATE("whatsapp.tls-certificate", "TRYX_WHATSAPP_TLS_CERTIFICATE", null),
    MEDIA_TLS_CERTIFICATE("media.tls-certificate", "TRYX_MEDIA_TLS_CERTIFICATE", null),
    MEDIA_FETCH_MAX_BYTES("media.fetch-max-bytes", "TRYX_MEDIA_FETCH_MAX_BYTES", null),
    MEDIA_FETCH_TIMEOUT_SECONDS("media.fetch-timeout-seconds", "TRYX_MEDIA_FETCH_TIMEOUT_SECONDS", null),
    MEDIA_ALLOW_PRIVATE_NETWORKS("media.allow-private-networks", "TRYX_MEDIA_ALLOW_PRIVATE_NETWORKS", null);

    /** File keys below this prefix are Kafka client properties ({@code kafka.properties.security.protocol}). */
    public static final String KAFKA_PROPERTIES_PREFIX = "kafka.properties.";
    /** Environment variables below this prefix (other than the named ones) are Kafka client properties. */
    public static final String KAFKA_ENV_PREFIX = "TRYX_KAFKA_";

    private final String key;
    private final String env;
    private final String flag;

    ConfigKey(String key, String env, String flag) {
        this.key = key;
        this.env = env;
        this.flag = flag;
    }

    /** The name in the configuration file (dotted; nested YAML maps join with dots). */
    public String key() {
        return key;
    }

    /** The environment variable. */
    public String env() {
        return env;
    }

    /** The command-line flag, if the setting has one. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /** The setting named {@code key} in a file. */
    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** The setting read from environment variable {@code env}. */
    public static Optional<ConfigKey> byEnv(String env) {
        return Arrays.stream(values()).filter(k -> k.env.equals(env)).findFirst();
    }
}
