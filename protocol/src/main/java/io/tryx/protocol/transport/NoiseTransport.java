package io.tryx.protocol.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.resolver.NoopAddressResolverGroup;
import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.noise.NoiseClientHandshake;
import io.tryx.protocol.transport.TransportException.Reason;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Opens Noise connections to one configured endpoint over a shared, injected {@link EventLoopGroup}: a
 * runtime hosting many accounts creates one group with few threads and one transport per endpoint
 * configuration; every connection is a channel on one of the group's event loops, never a thread of its
 * own. Thread-safe.
 *
 * <p>Pipeline per connection: {@code [proxy] [TLS] HTTP codec, aggregator (upgrade response only),
 * WebSocket client protocol handler, Noise handler}. The WebSocket carries binary messages; their
 * payload is a stream of 3-byte-length frames, so one message may hold several frames or part of one.
 *
 * <p>Without a proxy the host name is resolved by Netty's default resolver (the JDK's, blocking the event
 * loop briefly); a runtime with many accounts should add {@code netty-resolver-dns} and set it here.
 */
public final class NoiseTransport {

    private final EventLoopGroup group;
    private final TransportConfig config;
    private final ChannelFactory<? extends Channel> channelFactory;
    private final SslContext sslContext;
    private final CertChainVerifier verifier;
    private final SecureRandom random = new SecureRandom();

    /** A transport over NIO socket channels (use with a group created for {@code NioIoHandler}). */
    public NoiseTransport(EventLoopGroup group, TransportConfig config) {
        this(group, config, NioSocketChannel::new);
    }

    /** A transport creating channels with {@code channelFactory} (e.g. epoll), which must match the group. */
    public NoiseTransport(EventLoopGroup group, TransportConfig config, ChannelFactory<? extends Channel> channelFactory) {
        this.group = Objects.requireNonNull(group, "group");
        this.config = Objects.requireNonNull(config, "config");
        this.channelFactory = Objects.requireNonNull(channelFactory, "channelFactory");
        this.sslContext = config.secure() ? sslContext(config) : null;
        this.verifier = new CertChainVerifier(config.trustedRoot(), config.clock());
    }

    public TransportConfig config() {
        return config;
    }

    /**
     * Connects, upgrades to a WebSocket, runs the Noise handshake presenting {@code noiseKey} and
     * {@code clientPayload} (the serialized ClientPayload for login or registration), and completes with
     * the open connection; or exceptionally with a {@link TransportException}. {@code listener} receives
     * every inbound node from the first one on. The future completes on the connection's event loop, so
     * dependent stages run there and must not block. Cancelling the future abandons the attempt and
     * closes its channel.
     */
    public CompletableFuture<NodeConnection> connect(KeyPair noiseKey, byte[] clientPayload, NodeListener listener) {
        Objects.requireNonNull(noiseKey, "noiseKey");
        Objects.requireNonNull(listener, "listener");
        byte[] payload = clientPayload.clone();
        CompletableFuture<NodeConnection> connected = new CompletableFuture<>();
        if (group.isShuttingDown()) { // listeners of a dead loop are never notified: fail here
            connected.completeExceptionally(new TransportException(Reason.CONNECT_FAILED, "event loop group is shut down"));
            return connected;
        }
        NoiseClientHandshake handshake = new NoiseClientHandshake(config.connectionHeader(),
                Curve25519.generateKeyPair(random), noiseKey, verifier);
        NoiseChannelHandler noise = new NoiseChannelHandler(config, handshake, payload, listener, connected);

        String host = config.uri().getHost();
        int port = config.port();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channelFactory(channelFactory)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        initPipeline(ch.pipeline(), host, port, noise);
                    }
                });
        if (config.proxy().isPresent()) {
            bootstrap.resolver(NoopAddressResolverGroup.INSTANCE); // the proxy resolves the target
        }
        InetSocketAddress remote = InetSocketAddress.createUnresolved(host, port);
        ChannelFuture future;
        try {
            future = bootstrap.connect(remote);
        } catch (RuntimeException e) {
            connected.completeExceptionally(new TransportException(Reason.CONNECT_FAILED, "cannot start connect: " + e, e));
            return connected;
        }
        connected.whenComplete((connection, error) -> {
            if (connected.isCancelled()) { // the caller gave up: drop the attempt
                future.channel().close();
            }
        });
        future.addListener(f -> {
            if (f.isSuccess()) {
                return;
            }
            Channel channel = future.channel();
            if (channel.isRegistered()) {
                channel.eventLoop().execute(() -> noise.connectFailed(f.cause()));
            } else { // never registered: the handler was not added and cannot report
                connected.completeExceptionally(new TransportException(Reason.CONNECT_FAILED,
                        "connect to " + config.uri() + " failed: " + f.cause(), f.cause()));
            }
        });
        return connected;
    }

    private void initPipeline(ChannelPipeline p, String host, int port, NoiseChannelHandler noise) {
        config.proxy().ifPresent(proxy -> p.addLast("proxy", proxyHandler(proxy)));
        if (sslContext != null) {
            SslHandler ssl = sslContext.newHandler(p.channel().alloc(), host, port);
            SSLEngine engine = ssl.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            ssl.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
            p.addLast("tls", ssl);
        }
        HttpHeaders headers = new DefaultHttpHeaders().set(HttpHeaderNames.ORIGIN, config.origin());
        WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(config.uri())
                .customHeaders(headers)
                .generateOriginHeader(false)
                .maxFramePayloadLength(config.maxFrameSize() + 65_536)
                .handleCloseFrames(false)
                .sendCloseFrame(WebSocketCloseStatus.NORMAL_CLOSURE)
                .handshakeTimeoutMillis(config.handshakeTimeout().toMillis())
                .forceCloseTimeoutMillis(5_000)
                .dropPongFrames(true)
                .build();
        p.addLast("http", new HttpClientCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(65_536));
        p.addLast("websocket", new WebSocketClientProtocolHandler(ws));
        p.addLast("noise", noise);
    }

    private ProxyHandler proxyHandler(ProxyConfig proxy) {
        InetSocketAddress address = new InetSocketAddress(proxy.host(), proxy.port());
        ProxyHandler handler = switch (proxy) {
            case ProxyConfig.Http http -> http.credentials()
                    .map(c -> new HttpProxyHandler(address, c.username(), c.password()))
                    .orElseGet(() -> new HttpProxyHandler(address));
            case ProxyConfig.Socks5 socks -> socks.credentials()
                    .map(c -> new Socks5ProxyHandler(address, c.username(), c.password()))
                    .orElseGet(() -> new Socks5ProxyHandler(address));
        };
        handler.setConnectTimeoutMillis(config.connectTimeout().toMillis());
        return handler;
    }

    private static SslContext sslContext(TransportConfig config) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (!config.tlsTrustAnchors().isEmpty()) {
                builder.trustManager(config.tlsTrustAnchors().toArray(X509Certificate[]::new));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }
}
