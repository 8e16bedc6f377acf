package io.tryx.bridge.testkit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import io.tryx.bridge.embedded.KraftNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A single-node KRaft Kafka in this JVM that a test can {@link #stop} and {@link #start} again on the same ports
 * and the same data directory, to see what clients do while their broker is away and once it is back (topics,
 * committed offsets and transaction state survive, as with a real broker restart). The broker is formatted once;
 * later starts reuse the storage. Not for production: the embedded run uses {@code EmbeddedKafka}.
 */
public final class RestartableKafka implements AutoCloseable {


    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private RestartableKafka(Path logDir, int brokerPort, int controllerPort) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code dataDir} and starts the broker on two free loopback ports it keeps across restarts. */
    public static RestartableKafka startIn(Path dataDir) {
        RestartableKafka kafka = new RestartableKafka(dataDir.resolve("kraft"), freePort(), freePort());
        KraftNode.format(kafka.logDir);
        kafka.start();
        return kafka;
    }

    /** {@code host:port} of the broker; the same after every restart. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Whether the broker is running. */
    public synchronized boolean running() {
        return server != null;
    }

    /** Starts the broker (again) on its ports and storage and waits until it serves metadata. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("the broker is running");
        }
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(KraftNode.properties(brokerPort, controllerPort, logDir), false), Time.SYSTEM);
        started.startup();
        server = started;
        try (Admin admin = admin()) {
            await("broker " + bootstrapServers() + " ready").atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        }
    }

    /** Shuts the broker down cleanly and waits until it stopped; its clients see the connection refused. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "tryx-restartable-admin"));
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
