package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.config.ConfigKey;
import io.tryx.bridge.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration flags every command takes: the file, Kafka and registry addresses, topic prefix, HTTP port and
 * Kafka client properties. Values stay text here: {@link ConfigLoader} checks them all, with typed errors.
 */
public class KafkaOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (.yaml, .yml or .properties); default ./tryx.yaml when it exists.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka bootstrap servers (then Kafka is not embedded). Env TRYX_KAFKA_BOOTSTRAP_SERVERS.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Confluent-compatible schema registry. Env TRYX_SCHEMA_REGISTRY_URL.")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Topic prefix (default tryx). Env TRYX_TOPIC_PREFIX.")
    String topicPrefix;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the status page on 127.0.0.1 (default 8787, 0 = any). Env TRYX_HTTP_PORT.")
    String httpPort;

    @Option(names = {"-K", "--kafka-property"}, paramLabel = "NAME=VALUE",
            description = "Kafka client property, repeatable (e.g. security.protocol=SASL_SSL). Env TRYX_KAFKA_<NAME>.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    /** Flags by setting, for the loader. */
    Map<ConfigKey, String> flagValues() {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        put(values, ConfigKey.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        put(values, ConfigKey.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        put(values, ConfigKey.TOPIC_PREFIX, topicPrefix);
        put(values, ConfigKey.HTTP_PORT, httpPort);
        return values;
    }

    /** Resolves the configuration with these flags plus {@code extra} ones. */
    BridgeConfig load(CliContext context, Map<ConfigKey, String> extra) {
        Map<ConfigKey, String> values = flagValues();
        values.putAll(extra);
        return new ConfigLoader(context.workingDir(), context.env())
                .load(Optional.ofNullable(config), new ConfigLoader.Flags(values, kafkaProperties));
    }

    static void put(Map<ConfigKey, String> values, ConfigKey key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
