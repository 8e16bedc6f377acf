package io.tryx.protocol.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.transport.TransportException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The open node channel: concurrent senders, bounded outbound under a stalled peer, listener isolation, bad input. */
class NodeChannelBehaviourTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final TestWaServer server = new TestWaServer(9);

    @AfterEach
    void tearDown() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void concurrentSendersKeepTheirOwnOrder() throws Exception {
        server.behaviour = TestWaServer.SILENT;
        NodeConnection connection = open(server.clientConfig().build(), new RecordingListener());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 250; i++) {
                        connection.send(Node.builder("n").attr("t", thread).attr("i", i).build());
                    }
                }, senders));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } finally {
            senders.shutdown();
        }
        await().until(() -> server.onlySession().received.size() == 1000);
        for (int t = 0; t < 4; t++) {
            String thread = Integer.toString(t);
            List<Long> order = server.onlySession().received.stream()
                    .filter(n -> n.attrs().string("t").equals(thread)).map(n -> n.attrs().longValue("i")).toList();
            assertThat(order).hasSize(250).isSorted();
        }
        connection.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void stalledPeerFillsTheOutboundBoundThenDrainsWhenItReadsAgain() throws Exception {
        long bound = 2L << 20;
        server.behaviour = TestWaServer.SILENT;
        NodeConnection connection = open(server.clientConfig().maxPendingOutboundBytes(bound).build(), new RecordingListener());
        server.onlySession().reading(false);

        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        AtomicLong peak = new AtomicLong();
        int rejected = 0;
        for (int i = 0; i < 400 && rejected == 0; i++) {
            CompletableFuture<Void> sent = connection.send(NoiseTransportTest.node(i, 100_000));
            peak.accumulateAndGet(connection.pendingOutboundBytes(), Math::max);
            if (sent.isCompletedExceptionally()) {
                Throwable cause = sent.handle((v, e) -> e instanceof CompletionException c ? c.getCause() : e).join();
                assertThat(cause).isInstanceOf(TransportException.class);
                assertThat(((TransportException) cause).reason()).isEqualTo(Reason.OUTBOUND_FULL);
                rejected++;
            } else {
                accepted.add(sent);
            }
        }
        assertThat(rejected).isEqualTo(1);
        assertThat(peak.get()).isLessThanOrEqualTo(bound);

        server.onlySession().reading(true);
        CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(connection.pendingOutboundBytes()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> server.onlySession().received.size() == accepted.size());
        connection.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void listenerThatThrowsDoesNotBreakTheConnection() throws Exception {
        RecordingListener recorded = new RecordingListener();
        NodeListener throwing = new NodeListener() {
            @Override
            public void onNode(Node node) {
                recorded.onNode(node);
                if (node.attrs().string("id").equals("m1")) {
                    throw new IllegalStateException("application bug");
                }
            }
        };
        NodeConnection connection = open(server.clientConfig().build(), throwing);
        for (int i = 0; i < 3; i++) {
            connection.send(NoiseTransportTest.node(i, 10));
        }
        await().until(() -> recorded.nodes.size() == 3);
        assertThat(connection.isOpen()).isTrue();
        connection.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void textMessageIsAProtocolErrorClosedWith1003() throws Exception {
        RecordingListener listener = new RecordingListener();
        open(server.clientConfig().build(), listener);
        server.onlySession().sendText("hello");
        TransportException failure = listener.closed.get(5, TimeUnit.SECONDS);
        assertThat(failure.reason()).isEqualTo(Reason.PROTOCOL_ERROR);
        await().until(() -> server.onlySession().inactive);
        assertThat(server.onlySession().closeCodeReceived).isEqualTo(1003);
    }

    @Test
    void frameAboveTheConfiguredMaximumIsAProtocolError() throws Exception {
        RecordingListener listener = new RecordingListener();
        open(server.clientConfig().maxFrameSize(4096).build(), listener);
        server.onlySession().send(NoiseTransportTest.node(1, 10_000));
        TransportException failure = listener.closed.get(5, TimeUnit.SECONDS);
        assertThat(failure.reason()).isEqualTo(Reason.PROTOCOL_ERROR);
        assertThat(failure.protocolReason()).contains(ProtocolException.Reason.LIMIT_EXCEEDED);
    }

    @Test
    void undecodableNodeIsAProtocolError() throws Exception {
        RecordingListener listener = new RecordingListener();
        open(server.clientConfig().build(), listener);
        server.onlySession().sendPlaintext(new byte[]{0, (byte) 248, 1});
        TransportException failure = listener.closed.get(5, TimeUnit.SECONDS);
        assertThat(failure.reason()).isEqualTo(Reason.PROTOCOL_ERROR);
        assertThat(failure.protocolReason()).isPresent();
    }

    private NodeConnection open(TransportConfig config, NodeListener listener) throws Exception {
        NodeConnection connection = new NoiseTransport(group, config)
                .connect(Curve25519.generateKeyPair(), new byte[]{1}, listener).get(10, TimeUnit.SECONDS);
        await().until(() -> server.sessions.size() == 1 && server.onlySession().client != null);
        return connection;
    }
}
