package io.tryx.bridge.client;

import io.tryx.bridge.app.BridgeConfig.KafkaSettings;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.registry.RegistryAuth;
import io.tryx.bridge.registry.RegistryTlsFiles;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.registry.SchemaRegistryConfig;
import org.apache.kafka.clients.CommonClientConfigs;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a client of a running bridge (the {@code send}, {@code accounts} and {@code tail} commands) finds its
 * topics: the Kafka bootstrap servers with the client properties to use (security settings), the schema
 * registry and the topic names.
 */
public record BridgeEndpoints(String bootstrapServers, Map<String, String> clientProperties, String schemaRegistryUrl,
                              RegistryAuth registryAuth, TopicNames topics, RegistryTlsFiles registryTls) {

    public BridgeEndpoints {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(registryAuth, "registryAuth");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(registryTls, "registryTls");
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Endpoints whose registry needs no TLS files of its own. */
    public BridgeEndpoints(String bootstrapServers, Map<String, String> clientProperties, String schemaRegistryUrl,
                           RegistryAuth registryAuth, TopicNames topics) {
        this(bootstrapServers, clientProperties, schemaRegistryUrl, registryAuth, topics, RegistryTlsFiles.none());
    }

    /** The endpoints of an external (not embedded) Kafka configuration. */
    public static BridgeEndpoints of(KafkaSettings kafka, String topicPrefix) {
        if (kafka.embedded()) {
            throw new IllegalArgumentException("embedded Kafka has no fixed address; ask the running bridge");
        }
        return new BridgeEndpoints(kafka.bootstrapServers(), kafka.clientProperties(), kafka.schemaRegistryUrl(),
                auth(kafka), new TopicNames(topicPrefix), kafka.registryTls());
    }

    /** The registry authentication a Kafka configuration asks for. */
    public static RegistryAuth auth(KafkaSettings kafka) {
        if (kafka.registryUser().isPresent()) {
            return RegistryAuth.basic(kafka.registryUser().get(), kafka.registryPassword().orElse(""));
        }
        return kafka.registryBearerToken().map(RegistryAuth::bearer).orElse(RegistryAuth.none());
    }

    /** Settings for a Kafka client: the client properties, then the bootstrap servers and the client id. */
    public Map<String, Object> clientConfig(String clientId) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** A new registry client; the caller closes it. */
    public SchemaRegistryClient registryClient() {
        SchemaRegistryConfig.Builder config = SchemaRegistryConfig.builder(schemaRegistryUrl).auth(registryAuth);
        registryTls.sslContext().ifPresent(config::sslContext);
        return new SchemaRegistryClient(config.build());
    }
}
