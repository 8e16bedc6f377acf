package io.tryx.protocol.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.transport.TransportException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** wss: TLS with the JDK provider, trust anchors from the config, hostname verification on. */
class TlsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private TestWaServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void wssWithATrustedSelfSignedCertificateCarriesTheNoiseConnection() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate("localhost");
        server = new TestWaServer(6, serverTls(certificate));
        RecordingListener listener = new RecordingListener();
        NodeConnection connection = new NoiseTransport(group,
                server.clientConfig().tlsTrustAnchors(List.of(certificate.cert())).build())
                .connect(Curve25519.generateKeyPair(), new byte[]{7}, listener).get(10, TimeUnit.SECONDS);
        assertThat(server.uri().getScheme()).isEqualTo("wss");
        for (int i = 0; i < 50; i++) {
            connection.send(NoiseTransportTest.node(i, i * 100));
        }
        await().until(() -> listener.nodes.size() == 50);
        assertThat(server.onlySession().client.payload()).containsExactly(7);
        connection.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void wssThroughAnHttpConnectProxyVerifiesTheServerNotTheProxy() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate("localhost");
        server = new TestWaServer(10, serverTls(certificate));
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.HTTP, null, null)) {
            RecordingListener listener = new RecordingListener();
            NodeConnection connection = new NoiseTransport(group, server.clientConfig()
                    .tlsTrustAnchors(List.of(certificate.cert()))
                    .proxy(ProxyConfig.Http.of("127.0.0.1", proxy.port())).build())
                    .connect(Curve25519.generateKeyPair(), new byte[]{7}, listener).get(10, TimeUnit.SECONDS);
            connection.send(NoiseTransportTest.node(1, 1000));
            await().until(() -> listener.nodes.size() == 1);
            assertThat(proxy.tunnels).containsExactly("localhost:" + server.port());
            connection.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void untrustedCertificateFailsTls() throws Exception {
        server = new TestWaServer(7, serverTls(new SelfSignedCertificate("localhost")));
        TransportException failure = TransportFailureTest.failure(new NoiseTransport(group, server.clientConfig().build())
                .connect(Curve25519.generateKeyPair(), new byte[]{7}, new RecordingListener()));
        assertThat(failure.reason()).isEqualTo(Reason.TLS_FAILED);
    }

    @Test
    void certificateForAnotherHostFailsTls() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate("example.org");
        server = new TestWaServer(8, serverTls(certificate));
        TransportException failure = TransportFailureTest.failure(new NoiseTransport(group,
                server.clientConfig().tlsTrustAnchors(List.of(certificate.cert())).build())
                .connect(Curve25519.generateKeyPair(), new byte[]{7}, new RecordingListener()));
        assertThat(failure.reason()).isEqualTo(Reason.TLS_FAILED);
    }

    private static SslContext serverTls(SelfSignedCertificate certificate) throws Exception {
        return SslContextBuilder.forServer(certificate.key(), certificate.cert()).sslProvider(SslProvider.JDK).build();
    }
}
