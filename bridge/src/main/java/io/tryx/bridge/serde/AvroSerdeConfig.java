package io.tryx.bridge.serde;

import io.tryx.bridge.registry.RegistryAuth;
import io.tryx.bridge.registry.RegistryTls;
import io.tryx.bridge.registry.RetryPolicy;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.registry.SchemaRegistryConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The serdes' settings read from a Kafka configuration map, under the property names Confluent's serdes use
 * so existing client configurations carry over: {@code schema.registry.url}, {@code basic.auth.user.info},
 * {@code bearer.auth.token}, {@code auto.register.schemas}, {@code key.subject.name.strategy},
 * {@code value.subject.name.strategy}, {@code specific.avro.reader}, ... One extra key,
 * {@link #REGISTRY_CLIENT}, passes a ready {@link SchemaRegistryClient} instance so many serdes share one
 * client and its caches; a client built from the URL belongs to the serde and closes with it.
 */
public record AvroSerdeConfig(SchemaRegistryClient client, boolean ownsClient, AvroSerdeOptions options,
                              boolean specificReader) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String REGISTRY_CLIENT = "tryx.schema.registry.client";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    public AvroSerdeConfig {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
    }

    /** Reads the settings for a key ({@code isKey}) or value serde. */
    public static AvroSerdeConfig fromMap(Map<String, ?> configs, boolean isKey) {
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        AvroSerdeOptions options = new AvroSerdeOptions(
                configs.containsKey(strategyKey) ? SubjectNameStrategy.parse(text(configs, strategyKey))
                        : SubjectNameStrategy.TOPIC_NAME,
                bool(configs, AUTO_REGISTER_SCHEMAS, true));
        boolean specific = bool(configs, SPECIFIC_AVRO_READER, false);
        Object shared = configs.get(REGISTRY_CLIENT);
        if (shared instanceof SchemaRegistryClient client) {
            return new AvroSerdeConfig(client, false, options, specific);
        }
        if (shared != null) {
            throw new IllegalArgumentException(REGISTRY_CLIENT + " must hold a SchemaRegistryClient");
        }
        return new AvroSerdeConfig(new SchemaRegistryClient(registryConfig(configs)), true, options, specific);
    }

    /** The registry connection settings of a configuration map. */
    public static SchemaRegistryConfig registryConfig(Map<String, ?> configs) {
        String url = text(configs, SCHEMA_REGISTRY_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " is required");
        }
        // Confluent allows a comma-separated list; this client talks to the first URL
        url = url.split(",")[0].trim();
        URI uri = URI.create(url);
        SchemaRegistryConfig.Builder builder;
        String source = text(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
        if ("URL".equalsIgnoreCase(source) && uri.getUserInfo() != null) {
            builder = SchemaRegistryConfig.builder(url.replace(uri.getRawUserInfo() + "@", ""))
                    .auth(RegistryAuth.basicUserInfo(uri.getUserInfo()));
        } else {
            builder = SchemaRegistryConfig.builder(url);
        }
        String userInfo = text(configs, BASIC_AUTH_USER_INFO);
        String token = text(configs, BEARER_AUTH_TOKEN);
        if (userInfo != null && !userInfo.isEmpty()) {
            builder.auth(RegistryAuth.basicUserInfo(userInfo));
        } else if (token != null && !token.isEmpty()) {
            builder.auth(RegistryAuth.bearer(token));
        }
        String trustStore = text(configs, TRUSTSTORE_LOCATION);
        String keyStore = text(configs, KEYSTORE_LOCATION);
        boolean trusting = trustStore != null && !trustStore.isEmpty();
        boolean presenting = keyStore != null && !keyStore.isEmpty();
        if (trusting || presenting) {
            // the store type (PEM, PKCS12, JKS) is detected from the file; TRUSTSTORE_TYPE is accepted and not needed
            builder.sslContext(RegistryTls.context(trusting ? Path.of(trustStore) : null,
                    chars(text(configs, TRUSTSTORE_PASSWORD)), presenting ? Path.of(keyStore) : null,
                    chars(text(configs, KEYSTORE_PASSWORD)), null));
        }
        if (configs.containsKey(CONNECT_TIMEOUT_MS)) {
            builder.connectTimeout(Duration.ofMillis(number(configs, CONNECT_TIMEOUT_MS)));
        }
        if (configs.containsKey(READ_TIMEOUT_MS)) {
            builder.requestTimeout(Duration.ofMillis(number(configs, READ_TIMEOUT_MS)));
        }
        RetryPolicy retry = RetryPolicy.DEFAULT;
        if (configs.containsKey(MAX_RETRIES) || configs.containsKey(RETRIES_WAIT_MS) || configs.containsKey(RETRIES_MAX_WAIT_MS)) {
            retry = new RetryPolicy(
                    configs.containsKey(MAX_RETRIES) ? (int) number(configs, MAX_RETRIES) + 1 : retry.maxAttempts(),
                    configs.containsKey(RETRIES_WAIT_MS) ? Duration.ofMillis(number(configs, RETRIES_WAIT_MS)) : retry.initialBackoff(),
                    configs.containsKey(RETRIES_MAX_WAIT_MS) ? Duration.ofMillis(number(configs, RETRIES_MAX_WAIT_MS)) : retry.maxBackoff());
        }
        return builder.retry(retry).build();
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    private static String text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null ? null : value.toString();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false, not " + text);
        }
        return Boolean.parseBoolean(text);
    }

    private static long number(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        try {
            return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not " + value, e);
        }
    }
}
