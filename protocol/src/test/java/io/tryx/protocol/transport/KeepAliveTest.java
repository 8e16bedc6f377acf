package io.tryx.protocol.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.transport.TransportException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keepalive with 50 ms intervals: answered pings keep the connection, a silent peer is declared dead. */
class KeepAliveTest {

    private static final KeepAliveConfig FAST =
            new KeepAliveConfig(Duration.ofMillis(30), Duration.ofMillis(60), Duration.ofMillis(200));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final TestWaServer server = new TestWaServer(3);

    @AfterEach
    void tearDown() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void answeredPingsKeepTheConnectionAndNeverReachTheListener() throws Exception {
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = connect(listener);
        KeepAlive keepAlive = KeepAlive.start(connection, FAST, Ticker.systemTicker(), new SplittableRandom(1));

        await().until(() -> keepAlive.repliesReceived() >= 5);
        assertThat(connection.isOpen()).isTrue();
        assertThat(listener.nodes).isEmpty();
        assertThat(keepAlive.lastRoundTripNanos()).isPositive();
        assertThat(server.onlySession().received).allMatch(TestWaServer::isPing)
                .allSatisfy(ping -> assertThat(ping.attrs().string("to")).isEqualTo("s.whatsapp.net"));
        keepAlive.stop();
        connection.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void peerThatNeverAnswersPingsIsDeclaredDead() throws Exception {
        server.behaviour = TestWaServer.SILENT;
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = connect(listener);
        KeepAlive keepAlive = KeepAlive.start(connection, FAST, Ticker.systemTicker(), new SplittableRandom(2));

        TransportException dead = listener.closed.get(5, TimeUnit.SECONDS);
        assertThat(dead.reason()).isEqualTo(Reason.KEEPALIVE_TIMEOUT);
        assertThat(keepAlive.pingsSent()).isPositive();
        assertThat(keepAlive.repliesReceived()).isZero();
        await().until(() -> server.onlySession().inactive);
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void deathIsJudgedByTheInjectedTicker() throws Exception {
        server.behaviour = TestWaServer.SILENT;
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = connect(listener);
        MockTicker ticker = Ticker.newMockTicker();
        KeepAlive keepAlive = KeepAlive.start(connection, FAST, ticker, new SplittableRandom(3));

        // the scheduler fires many deadlines, but on the injected clock no ping has waited long enough
        await().until(() -> keepAlive.pingsSent() >= 10);
        assertThat(connection.isOpen()).isTrue();

        ticker.advance(1, TimeUnit.SECONDS);
        assertThat(listener.closed.get(5, TimeUnit.SECONDS).reason()).isEqualTo(Reason.KEEPALIVE_TIMEOUT);
    }

    @Test
    void configRejectsAnInvertedInterval() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new KeepAliveConfig(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intervalMax");
    }

    private NodeConnection connect(RecordingListener listener) throws Exception {
        NodeConnection connection = new NoiseTransport(group, server.clientConfig().build())
                .connect(Curve25519.generateKeyPair(), new byte[]{9}, listener).get(10, TimeUnit.SECONDS);
        await().until(() -> server.sessions.size() == 1 && server.onlySession().client != null);
        return connection;
    }
}
