package io.tryx.protocol.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The client against the in-test server over plain WebSocket: handshake, ordered node exchange, clean close. */
class NoiseTransportTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final TestWaServer server = new TestWaServer(1);
    private final KeyPair noiseKey = Curve25519.generateKeyPair();
    private final byte[] payload = "client-payload".getBytes();

    @AfterEach
    void tearDown() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void handshakeShowsServerTheClientKeyPayloadAndOrigin() throws Exception {
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = new NoiseTransport(group, server.clientConfig().build())
                .connect(noiseKey, payload, listener).get(10, TimeUnit.SECONDS);

        await().until(() -> server.sessions.size() == 1 && server.onlySession().client != null);
        TestWaServer.Session session = server.onlySession();
        assertThat(session.client.staticKey()).isEqualTo(noiseKey.publicKey());
        assertThat(session.client.payload()).isEqualTo(payload);
        assertThat(session.origin).isEqualTo(TransportConfig.DEFAULT_ORIGIN);
        assertThat(session.header.hasRoutingInfo()).isFalse();
        assertThat(connection.serverStaticKey()).isEqualTo(server.serverStatic.publicKey());
        assertThat(connection.isOpen()).isTrue();
        connection.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void thousandNodesEachWayArriveInOrderIncludingLargeAndCompressedOnesThenCloseCleanly() throws Exception {
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = new NoiseTransport(group, server.clientConfig().build())
                .connect(noiseKey, payload, listener).get(10, TimeUnit.SECONDS);
        await().until(() -> server.sessions.size() == 1 && server.onlySession().client != null);
        TestWaServer.Session session = server.onlySession();

        List<Node> sent = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            Node node = node(i, i % 250 == 0 ? 1_200_000 : i % 37);
            sent.add(node);
            connection.send(node);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.nodes.size() == 1000);
        System.out.printf("NoiseTransportTest: 1000 nodes (4 of 1.2 MB) echoed in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(session.received).containsExactlyElementsOf(sent);
        assertThat(listener.nodes).containsExactlyElementsOf(sent);

        Node compressed = node(5000, 100_000);
        session.sendCompressed(compressed);
        List<Node> fragmented = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fragmented.add(node(6000 + i, i * 7));
        }
        session.sendFragmented(fragmented, new SplittableRandom(3));
        await().until(() -> listener.nodes.size() == 1051);
        assertThat(listener.nodes.get(1000)).isEqualTo(compressed);
        assertThat(listener.nodes.subList(1001, 1051)).containsExactlyElementsOf(fragmented);
        assertThat(listener.threads).hasSize(1).allMatch(name -> !name.startsWith("main"));

        connection.close().get(5, TimeUnit.SECONDS);
        assertThat(connection.closeFuture()).isCompleted();
        assertThat(listener.closed.get(1, TimeUnit.SECONDS)).isNull();
        await().until(() -> session.inactive);
        assertThat(session.closeCodeReceived).isEqualTo(1000);
        assertThat(connection.close()).isCompleted();
        assertThat(connection.send(Node.of("late"))).isCompletedExceptionally();
    }

    @Test
    void edgeRoutingPrefixReachesTheServer() throws Exception {
        byte[] routing = {8, 8, 8, 2, 1, 9};
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = new NoiseTransport(group, server.clientConfig().routingInfo(routing).build())
                .connect(noiseKey, payload, listener).get(10, TimeUnit.SECONDS);
        await().until(() -> server.sessions.size() == 1 && server.onlySession().client != null);
        assertThat(server.onlySession().header.routingInfo()).isEqualTo(routing);
        connection.send(node(1, 3));
        await().until(() -> listener.nodes.size() == 1);
        connection.close().get(5, TimeUnit.SECONDS);
    }

    static Node node(int index, int bytes) {
        byte[] content = new byte[bytes];
        new SplittableRandom(index).nextBytes(content);
        return Node.builder("message").attr("id", "m" + index).attr("type", "text").bytes(content).build();
    }
}
