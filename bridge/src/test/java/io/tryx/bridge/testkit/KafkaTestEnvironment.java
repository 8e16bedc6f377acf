package io.tryx.bridge.testkit;

import io.tryx.bridge.embedded.EmbeddedKafka;
import io.tryx.bridge.embedded.EmbeddedSchemaRegistry;
import io.tryx.bridge.embedded.KafkaMode;
import io.tryx.bridge.registry.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Kafka broker and schema registry the tests of one run share, chosen by {@code tryx.kafka.mode}
 * (see {@link KafkaMode}). Embedded mode starts both at once (the registry is a child process, so they boot
 * in parallel). Tests keep out of each other's way by creating their own topics ({@link #newTopic}) and
 * subjects (named after the topics).
 */
public final class KafkaTestEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTestEnvironment.class);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private final String bootstrapServers;
    private final String registryUrl;
    private final List<AutoCloseable> owned;
    private final Duration brokerStart;
    private final Duration registryStart;

    private KafkaTestEnvironment(String bootstrapServers, String registryUrl, List<AutoCloseable> owned,
                                 Duration brokerStart, Duration registryStart) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.owned = owned;
        this.brokerStart = brokerStart;
        this.registryStart = registryStart;
    }

    /** Starts (or connects to) Kafka and the registry as the mode property says. */
    public static KafkaTestEnvironment start() {
        KafkaMode mode = KafkaMode.fromSystemProperty().resolved();
        return switch (mode) {
            case EMBEDDED -> embedded();
            case EXTERNAL -> new KafkaTestEnvironment(required("tryx.kafka.bootstrap"), required("tryx.registry.url"),
                    List.of(), Duration.ZERO, Duration.ZERO);
            case DOCKER -> throw new IllegalStateException(
                    "tryx.kafka.mode=docker is not built yet; use embedded or external");
            case AUTO -> throw new AssertionError("resolved() never returns AUTO");
        };
    }

    private static KafkaTestEnvironment embedded() {
        long begin = System.nanoTime();
        CompletableFuture<EmbeddedSchemaRegistry> registry = CompletableFuture.supplyAsync(EmbeddedSchemaRegistry::start);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start();
        } catch (RuntimeException e) {
            registry.thenAccept(EmbeddedSchemaRegistry::close);
            throw e;
        }
        EmbeddedSchemaRegistry started;
        try {
            started = registry.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            kafka.close();
            throw new IllegalStateException("embedded schema registry did not start", e);
        }
        LOG.info("test Kafka {} (started in {} ms) and registry {} (started in {} ms) ready {} ms after the request",
                kafka.bootstrapServers(), kafka.startTime().toMillis(), started.url(), started.startTime().toMillis(),
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return new KafkaTestEnvironment(kafka.bootstrapServers(), started.url(), List.of(started, kafka),
                kafka.startTime(), started.startTime());
    }

    /**
     * This environment's registry with another broker (one the caller runs, e.g. a {@link RestartableKafka}); closing
     * the result closes neither.
     */
    public KafkaTestEnvironment withBroker(String otherBootstrapServers) {
        return new KafkaTestEnvironment(otherBootstrapServers, registryUrl, List.of(), Duration.ZERO, registryStart);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("tryx.kafka.mode=external needs -D" + property);
        }
        return value;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Base URL of the registry's Confluent-compatible API. */
    public String registryUrl() {
        return registryUrl;
    }

    /** Broker start time (zero when not started here). */
    public Duration brokerStartTime() {
        return brokerStart;
    }

    /** Registry start time (zero when not started here). */
    public Duration registryStartTime() {
        return registryStart;
    }

    /** A new client of the registry; the caller closes it. */
    public SchemaRegistryClient registryClient() {
        return SchemaRegistryClient.of(registryUrl);
    }

    /** Creates a topic with a name unique in this run and returns the name. */
    public String newTopic(String prefix, int partitions) {
        String name = prefix + "-" + TOPICS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
        return name;
    }

    /** Settings of an idempotent producer (acks=all), without serializers. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    /** Settings of a consumer reading from the earliest offset in its own group, without deserializers. */
    public Map<String, Object> consumerConfig(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    @Override
    public void close() {
        IllegalStateException failure = null;
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot stop the test Kafka environment", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
