package io.tryx.protocol.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.transport.TransportException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Every way a connection fails ends in a typed {@link TransportException}. */
class TransportFailureTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final TestWaServer server = new TestWaServer(2);
    private final KeyPair noiseKey = Curve25519.generateKeyPair();
    private final byte[] payload = {1, 2, 3};

    @AfterEach
    void tearDown() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void wrongTrustedRootFailsTheHandshakeWithInvalidCertificate() {
        TestWaServer other = new TestWaServer(99);
        other.close();
        TransportConfig config = server.clientConfig().trustedRoot(other.ca.rootPublicKey()).build();

        TransportException failure = failure(new NoiseTransport(group, config).connect(noiseKey, payload, new RecordingListener()));

        assertThat(failure.reason()).isEqualTo(Reason.HANDSHAKE_FAILED);
        assertThat(failure.protocolReason()).contains(ProtocolException.Reason.INVALID_CERTIFICATE);
        await().until(() -> server.onlySession().inactive);
        assertThat(server.onlySession().client).isNull();
    }

    @Test
    void serverClosingMidHandshakeWithACloseFrameIsAPeerClose() {
        server.handshakeMode = TestWaServer.HandshakeMode.CLOSE_AFTER_CLIENT_HELLO;
        TransportException failure = failure(connect(server.clientConfig().build()));
        assertThat(failure.reason()).isEqualTo(Reason.CLOSED_BY_PEER);
        assertThat(failure.closeCode()).isEqualTo(1000);
    }

    @Test
    void serverDroppingTheConnectionMidHandshakeIsAConnectionLoss() {
        server.handshakeMode = TestWaServer.HandshakeMode.DROP_AFTER_CLIENT_HELLO;
        TransportException failure = failure(connect(server.clientConfig().build()));
        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_LOST);
        assertThat(failure).hasMessageContaining("NOISE");
    }

    @Test
    void connectingToAClosedPortFailsToConnect() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TransportException failure = failure(connect(server.clientConfig().uri("ws://127.0.0.1:" + port + "/ws/chat").build()));
        assertThat(failure.reason()).isEqualTo(Reason.CONNECT_FAILED);
    }

    @Test
    void connectOnAShutDownEventLoopGroupFailsToConnect() {
        EventLoopGroup dead = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        dead.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        TransportException failure = failure(new NoiseTransport(dead, server.clientConfig().build())
                .connect(noiseKey, payload, new RecordingListener()));
        assertThat(failure.reason()).isEqualTo(Reason.CONNECT_FAILED);
    }

    @Test
    void refusedWebSocketUpgradeFailsToConnect() {
        TransportException failure = failure(connect(server.clientConfig().uri("ws://localhost:" + server.port() + "/elsewhere").build()));
        assertThat(failure.reason()).isEqualTo(Reason.CONNECT_FAILED);
    }

    @Test
    void peerThatAcceptsButNeverAnswersTimesOut() {
        EventLoopGroup mute = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel listening = new ServerBootstrap().group(mute).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInboundHandlerAdapter()).bind(new InetSocketAddress("127.0.0.1", 0))
                    .syncUninterruptibly().channel();
            int port = ((InetSocketAddress) listening.localAddress()).getPort();
            TransportException failure = failure(connect(server.clientConfig().uri("ws://127.0.0.1:" + port + "/ws/chat")
                    .handshakeTimeout(Duration.ofMillis(300)).build()));
            assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        } finally {
            mute.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void cancellingAPendingConnectClosesItsChannel() {
        EventLoopGroup mute = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
        try {
            Channel listening = new ServerBootstrap().group(mute).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelActive(io.netty.channel.ChannelHandlerContext ctx) {
                            accepted.incrementAndGet();
                        }

                        @Override
                        public void channelInactive(io.netty.channel.ChannelHandlerContext ctx) {
                            dropped.incrementAndGet();
                        }

                        @Override
                        public boolean isSharable() {
                            return true;
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
            int port = ((InetSocketAddress) listening.localAddress()).getPort();
            CompletableFuture<NodeConnection> pending = connect(server.clientConfig().uri("ws://127.0.0.1:" + port + "/ws/chat").build());
            await().until(() -> accepted.get() == 1);

            pending.cancel(false);
            await().until(() -> dropped.get() == 1);
        } finally {
            mute.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void garbageMessageAfterHandshakeIsAProtocolErrorAndClosesTheChannel() throws Exception {
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = open(listener);
        server.onlySession().sendRaw(new byte[]{0, 0, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});

        TransportException failure = listener.closed.get(5, TimeUnit.SECONDS);
        assertThat(failure.reason()).isEqualTo(Reason.PROTOCOL_ERROR);
        assertThat(failure.protocolReason()).contains(ProtocolException.Reason.AUTHENTICATION_FAILED);
        assertThat(catchThrowable(() -> connection.closeFuture().get())).hasCauseReference(failure);
        await().until(() -> server.onlySession().inactive);
        assertThat(server.onlySession().closeCodeReceived).isEqualTo(1002);
        assertThat(failure(connection.send(Node.of("after")).thenApply(v -> connection)).reason()).isEqualTo(Reason.CLOSED);
    }

    @Test
    void peerCloseFrameCarriesItsCode() throws Exception {
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = open(listener);
        server.onlySession().closeWith(4001);

        TransportException failure = listener.closed.get(5, TimeUnit.SECONDS);
        assertThat(failure.reason()).isEqualTo(Reason.CLOSED_BY_PEER);
        assertThat(failure.closeCode()).isEqualTo(4001);
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void sendBeyondTheOutboundBoundFailsAtOnce() throws Exception {
        NodeConnection connection = new NoiseTransport(group, server.clientConfig().maxPendingOutboundBytes(1_000).build())
                .connect(noiseKey, payload, new RecordingListener()).get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> tooBig = connection.send(NoiseTransportTest.node(1, 2_000));
        assertThat(failure(tooBig.thenApply(v -> connection)).reason()).isEqualTo(Reason.OUTBOUND_FULL);
        connection.send(NoiseTransportTest.node(2, 100)).get(5, TimeUnit.SECONDS);
        assertThat(connection.pendingOutboundBytes()).isZero();
        connection.close().get(5, TimeUnit.SECONDS);
    }

    private NodeConnection open(RecordingListener listener) throws Exception {
        NodeConnection connection = connect(server.clientConfig().build(), listener).get(10, TimeUnit.SECONDS);
        await().until(() -> server.sessions.size() == 1 && server.onlySession().client != null);
        return connection;
    }

    private CompletableFuture<NodeConnection> connect(TransportConfig config) {
        return connect(config, new RecordingListener());
    }

    private CompletableFuture<NodeConnection> connect(TransportConfig config, NodeListener listener) {
        return new NoiseTransport(group, config).connect(noiseKey, payload, listener);
    }

    static TransportException failure(CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(TransportException.class);
        return (TransportException) thrown.getCause();
    }
}
