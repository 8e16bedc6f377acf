package io.tryx.bridge.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM, listening on
 * 127.0.0.1 with free ports, for the tests and the embedded run. Settings are those a one-node cluster needs:
 * replication factor and min ISR 1 for the internal topics, no initial rebalance delay, no topic
 * auto-creation (topics are created explicitly, with {@link #createTopic}). {@link #close} shuts the
 * server down and waits for its threads; a data directory the broker created itself is deleted then.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = KraftNode.NODE_ID;
    private static final int START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final String bootstrapServers;
    private final String saslBootstrapServers;
    private final Duration startTime;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean ownsDataDir, String bootstrapServers,
                          String saslBootstrapServers, Duration startTime) {
        this.server = server;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
        this.startTime = startTime;
    }

    /** Starts a broker with a fresh temporary data directory, deleted on close. */
    public static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("tryx-kafka-"), true, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker storing its logs in {@code dataDir} (kept on close); {@code overrides} replace or add
     * broker settings.
     */
    public static EmbeddedKafka start(Path dataDir, Map<String, String> overrides) {
        return start(dataDir, false, overrides, Map.of());
    }

    /**
     * Starts a broker (fresh temporary data directory) with, besides its PLAINTEXT listener, a {@code SASL_PLAINTEXT}
     * listener ({@link #saslBootstrapServers()}) that takes the {@code PLAIN} mechanism with these users and passwords,
     * to test clients that authenticate.
     */
    public static EmbeddedKafka startWithSaslPlain(Map<String, String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("at least one SASL user is needed");
        }
        try {
            return start(Files.createTempDirectory("tryx-kafka-sasl-"), true, Map.of(), users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedKafka start(Path dataDir, boolean ownsDataDir, Map<String, String> overrides) {
        return start(dataDir, ownsDataDir, overrides, Map.of());
    }

    private static EmbeddedKafka start(Path dataDir, boolean ownsDataDir, Map<String, String> overrides,
                                       Map<String, String> saslUsers) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            // a port picked free can be taken by someone else before the broker binds it: retry on fresh ports
            Path logDir = dataDir.resolve("kraft-" + attempt + "-" + System.nanoTime());
            try {
                return startOnce(dataDir, logDir, ownsDataDir, overrides, saslUsers);
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("embedded Kafka start attempt {} failed: {}", attempt, e.toString());
            }
        }
        throw new IllegalStateException("embedded Kafka did not start", last);
    }

    private static EmbeddedKafka startOnce(Path dataDir, Path logDir, boolean ownsDataDir, Map<String, String> overrides,
                                           Map<String, String> saslUsers) {
        long begin = System.nanoTime();
        int brokerPort = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        int saslPort = saslUsers.isEmpty() ? 0 : FreePorts.pick();
        Properties props = KraftNode.properties(brokerPort, controllerPort, logDir);
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        if (!saslUsers.isEmpty()) {
            saslListener(props, brokerPort, controllerPort, saslPort, saslUsers);
        }
        props.putAll(overrides);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        KraftNode.format(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw e;
        }
        String bootstrap = "127.0.0.1:" + brokerPort;
        EmbeddedKafka kafka = new EmbeddedKafka(server, dataDir, ownsDataDir, bootstrap,
                saslUsers.isEmpty() ? null : "127.0.0.1:" + saslPort, Duration.ofNanos(System.nanoTime() - begin));
        try {
            kafka.awaitReady(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("embedded Kafka {} ready in {} ms", bootstrap, kafka.startTime().toMillis());
        return kafka;
    }

    /** A {@code SASL} listener (SASL_PLAINTEXT, mechanism PLAIN, users in its JAAS config) next to PLAINTEXT. */
    private static void saslListener(Properties props, int brokerPort, int controllerPort, int saslPort,
                                     Map<String, String> users) {
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",SASL://127.0.0.1:" + saslPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",SASL://127.0.0.1:" + saslPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "PLAIN");
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        props.put("listener.name.sasl.plain.sasl.jaas.config", jaas.append(';').toString());
    }

    /** Waits until the broker answers metadata requests and has registered itself. */
    private void awaitReady(Duration timeout) {
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded Kafka not ready after " + timeout, e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("embedded Kafka has no broker after " + timeout);
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embedded Kafka", e);
        }
    }

    /** {@code host:port} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code host:port} of the SASL_PLAINTEXT (PLAIN) listener of {@link #startWithSaslPlain}. */
    public String saslBootstrapServers() {
        if (saslBootstrapServers == null) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return saslBootstrapServers;
    }

    /** How long the start took (format, start-up, first metadata answer). */
    public Duration startTime() {
        return startTime;
    }

    /** The data directory (KRaft metadata and topic logs live in a subdirectory). */
    public Path dataDir() {
        return dataDir;
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "tryx-embedded-admin"));
    }

    /** Creates topics with replication factor 1 and waits until the broker has them. */
    public void createTopic(String name, int partitions, String... more) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(name, partitions, (short) 1));
        Arrays.stream(more).forEach(other -> topics.add(new NewTopic(other, partitions, (short) 1)));
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(server);
        if (ownsDataDir) {
            DataDirs.deleteRecursively(dataDir);
        }
        LOG.info("embedded Kafka {} stopped", bootstrapServers);
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("embedded Kafka shutdown failed: {}", e.toString());
        }
    }
}
