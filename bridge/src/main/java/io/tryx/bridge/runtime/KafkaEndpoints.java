package io.tryx.bridge.runtime;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeConfig.KafkaSettings;
import io.tryx.bridge.embedded.EmbeddedKafka;
import io.tryx.bridge.embedded.EmbeddedSchemaRegistry;
import io.tryx.bridge.registry.RegistryAuth;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.registry.SchemaRegistryConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where this run's Kafka and schema registry are: the external ones configured (client properties such as
 * {@code security.protocol} and SASL/TLS settings passed to every Kafka client as they are; registry basic or
 * bearer auth, its trust store and client certificate), or an embedded broker (data under {@code <dataDir>/kafka}) and a local Apicurio registry (its
 * distribution from {@code -Dtryx.apicurio.home} or {@code TRYX_APICURIO_HOME}) started in parallel.
 */
record KafkaEndpoints(String bootstrapServers, String registryUrl, Map<String, Object> clientProperties,
                      SchemaRegistryClient registry) {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEndpoints.class);

    /** Resolves (and when embedded, starts) Kafka and the registry; what it starts is added to {@code closer}. */
    static KafkaEndpoints open(BridgeConfig config, Closer closer) {
        KafkaSettings kafka = config.kafka();
        String bootstrap;
        String registryUrl;
        if (kafka.embedded()) {
            long begin = System.nanoTime();
            CompletableFuture<EmbeddedSchemaRegistry> registry = CompletableFuture.supplyAsync(EmbeddedSchemaRegistry::start);
            EmbeddedKafka broker;
            try {
                broker = closer.add(EmbeddedKafka.start(config.dataDir().resolve("kafka"), Map.of()));
            } catch (RuntimeException e) {
                registry.thenAccept(EmbeddedSchemaRegistry::close);
                throw e;
            }
            try {
                registryUrl = closer.add(registry.get(180, TimeUnit.SECONDS)).url();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the embedded registry started", e);
            } catch (Exception e) {
                throw new IllegalStateException("the embedded schema registry did not start: " + e.getMessage(), e);
            }
            bootstrap = broker.bootstrapServers();
            LOG.info("embedded Kafka {} and registry {} ready in {} ms", bootstrap, registryUrl,
                    (System.nanoTime() - begin) / 1_000_000);
        } else {
            bootstrap = kafka.bootstrapServers();
            registryUrl = kafka.schemaRegistryUrl();
        }
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        SchemaRegistryConfig.Builder registryConfig = SchemaRegistryConfig.builder(registryUrl).auth(auth(kafka));
        kafka.registryTls().sslContext().ifPresent(registryConfig::sslContext);
        SchemaRegistryClient registry = closer.add(new SchemaRegistryClient(registryConfig.build()));
        return new KafkaEndpoints(bootstrap, registryUrl, Map.copyOf(properties), registry);
    }

    private static RegistryAuth auth(KafkaSettings kafka) {
        if (kafka.registryBearerToken().isPresent()) {
            return RegistryAuth.bearer(kafka.registryBearerToken().get());
        }
        if (kafka.registryUser().isPresent()) {
            return RegistryAuth.basic(kafka.registryUser().get(), kafka.registryPassword().orElse(""));
        }
        return RegistryAuth.none();
    }

    /** Client properties with {@code extra} on top (a fresh mutable map). */
    Map<String, Object> with(Map<String, Object> extra) {
        Map<String, Object> merged = new HashMap<>(clientProperties);
        merged.putAll(extra);
        return merged;
    }
}
