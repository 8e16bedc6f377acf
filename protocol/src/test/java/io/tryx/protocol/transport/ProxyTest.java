package io.tryx.protocol.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.transport.TransportException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The client reaches the in-test server through in-test HTTP CONNECT and SOCKS5 proxies. */
class ProxyTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final TestWaServer server = new TestWaServer(4);

    @AfterEach
    void tearDown() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void httpConnectProxyWithCredentialsTunnelsTheConnection() throws Exception {
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.HTTP, "alice", "s3cret")) {
            exchangesThrough(proxy, new ProxyConfig.Http("127.0.0.1", proxy.port(),
                    Optional.of(new ProxyConfig.Credentials("alice", "s3cret"))));
        }
    }

    @Test
    void socks5ProxyWithoutCredentialsTunnelsTheConnection() throws Exception {
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.SOCKS5, null, null)) {
            exchangesThrough(proxy, ProxyConfig.Socks5.of("127.0.0.1", proxy.port()));
        }
    }

    @Test
    void socks5ProxyWithCredentialsTunnelsTheConnection() throws Exception {
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.SOCKS5, "bob", "pw")) {
            exchangesThrough(proxy, new ProxyConfig.Socks5("127.0.0.1", proxy.port(),
                    Optional.of(new ProxyConfig.Credentials("bob", "pw"))));
        }
    }

    @Test
    void proxyRejectingTheCredentialsFailsToConnect() {
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.HTTP, "alice", "s3cret")) {
            TransportConfig config = server.clientConfig().proxy(new ProxyConfig.Http("127.0.0.1", proxy.port(),
                    Optional.of(new ProxyConfig.Credentials("alice", "wrong")))).build();
            TransportException failure = TransportFailureTest.failure(new NoiseTransport(group, config)
                    .connect(Curve25519.generateKeyPair(), new byte[]{1}, new RecordingListener()));
            assertThat(failure.reason()).isEqualTo(Reason.CONNECT_FAILED);
            assertThat(proxy.tunnels).isEmpty();
        }
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        assertThat(new ProxyConfig.Credentials("alice", "s3cret").toString()).doesNotContain("s3cret");
    }

    private void exchangesThrough(TestProxy proxy, ProxyConfig proxyConfig) throws Exception {
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = new NoiseTransport(group, server.clientConfig().proxy(proxyConfig).build())
                .connect(Curve25519.generateKeyPair(), new byte[]{1}, listener).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            connection.send(NoiseTransportTest.node(i, i * 10));
        }
        await().until(() -> listener.nodes.size() == 20);
        assertThat(proxy.tunnels).containsExactly("localhost:" + server.port());
        connection.close().get(5, TimeUnit.SECONDS);
    }
}
