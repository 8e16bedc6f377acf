package io.tryx.protocol.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.binary.NodeDecoder;
import io.tryx.protocol.binary.NodeEncoder;
import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.cert.CertificateAuthority;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.noise.AuthenticatedClient;
import io.tryx.protocol.noise.ConnectionHeader;
import io.tryx.protocol.noise.FrameDecoder;
import io.tryx.protocol.noise.FrameEncoder;
import io.tryx.protocol.noise.NoiseServerHandshake;
import io.tryx.protocol.noise.TransportCipher;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.zip.Deflater;

/**
 * An in-test WhatsApp endpoint: a Netty WebSocket server at {@code /ws/chat} running our
 * {@link NoiseServerHandshake} with a chain from {@link CertificateAuthority}, decoding client nodes
 * and handing them to a behaviour (default: answer pings, echo everything else).
 */
final class TestWaServer implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final InstantSource CLOCK = InstantSource.fixed(NOW);

    /** What the server does during the handshake. */
    enum HandshakeMode {
        NORMAL,
        /** A WebSocket close frame (1000) instead of the server hello. */
        CLOSE_AFTER_CLIENT_HELLO,
        /** The TCP connection dropped instead of the server hello, without a close frame. */
        DROP_AFTER_CLIENT_HELLO
    }

    /** The default behaviour: pings answered, other nodes echoed. */
    static final BiConsumer<Session, Node> ECHO = (session, node) -> {
        if (isPing(node)) {
            session.send(pong(node));
        } else {
            session.send(node);
        }
    };

    /** Never answers pings, echoes nothing. */
    static final BiConsumer<Session, Node> SILENT = (session, node) -> { };

    final CertificateAuthority ca;
    final KeyPair serverStatic;
    final byte[] certChain;
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final SslContext ssl;
    volatile BiConsumer<Session, Node> behaviour = ECHO;
    volatile HandshakeMode handshakeMode = HandshakeMode.NORMAL;

    TestWaServer(long seed, SslContext ssl) {
        SplittableRandom random = new SplittableRandom(seed);
        this.ca = new CertificateAuthority(keyPair(random), keyPair(random), 7,
                NOW.minusSeconds(86_400 * 30), NOW.plusSeconds(86_400 * 365), random);
        this.serverStatic = keyPair(random);
        this.certChain = ca.issue(serverStatic.publicKey(), 42, NOW.minusSeconds(3600), NOW.plusSeconds(86_400)).toByteArray();
        this.ssl = ssl;
        this.group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        this.serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws/chat")
                                        .maxFramePayloadLength(FrameDecoder.MAX_FRAME_SIZE + 65_536)
                                        .handleCloseFrames(false)
                                        .build()),
                                new Session(), new NotFound());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    TestWaServer(long seed) {
        this(seed, null);
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    URI uri() {
        return URI.create((ssl == null ? "ws" : "wss") + "://localhost:" + port() + "/ws/chat");
    }

    /** A client configuration that trusts this server's CA. */
    TransportConfig.Builder clientConfig() {
        return TransportConfig.builder().uri(uri()).trustedRoot(ca.rootPublicKey()).clock(CLOCK);
    }

    CertChainVerifier verifier() {
        return new CertChainVerifier(ca.rootPublicKey(), CLOCK);
    }

    Session onlySession() {
        if (sessions.size() != 1) {
            throw new IllegalStateException(sessions.size() + " sessions");
        }
        return sessions.getFirst();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    static boolean isPing(Node node) {
        return node.tag().equals("iq") && "w:p".equals(node.attrs().optionalString("xmlns").orElse(null))
                && node.child("ping").isPresent();
    }

    static Node pong(Node ping) {
        return Node.builder("iq").attr("id", ping.attrs().string("id")).attr("type", "result")
                .attr("from", "s.whatsapp.net").build();
    }

    static KeyPair keyPair(SplittableRandom random) {
        byte[] privateKey = new byte[32];
        random.nextBytes(privateKey);
        return Curve25519.keyPairFromPrivate(privateKey);
    }

    /** Answers requests for other paths with 404, as a web server would. */
    static final class NotFound extends SimpleChannelInboundHandler<io.netty.handler.codec.http.FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, io.netty.handler.codec.http.FullHttpRequest request) {
            ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultFullHttpResponse(request.protocolVersion(),
                    io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND)).addListener(f -> ctx.close());
        }
    }

    /** One client connection, server side; all state lives on its event loop. */
    final class Session extends SimpleChannelInboundHandler<WebSocketFrame> {
        final Queue<Node> received = new ConcurrentLinkedQueue<>();
        volatile AuthenticatedClient client;
        volatile ConnectionHeader header;
        volatile String origin;
        volatile Integer closeCodeReceived;
        volatile boolean inactive;
        private final FrameDecoder decoder = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);
        private final FrameEncoder encoder = FrameEncoder.framesOnly();
        private NoiseServerHandshake handshake;
        private TransportCipher cipher;
        private ChannelHandlerContext ctx;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete complete) {
                this.ctx = ctx;
                origin = complete.requestHeaders().get("Origin");
                sessions.add(this);
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame close) {
                closeCodeReceived = close.statusCode();
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(f -> ctx.close());
                return;
            }
            if (!(frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame)) {
                return;
            }
            decoder.decode(ByteBufUtil.getBytes(frame.content()), 0, frame.content().readableBytes(), this::onFrame);
        }

        private void onFrame(byte[] frame) {
            if (handshake == null) {
                header = decoder.connectionHeader();
                handshake = new NoiseServerHandshake(header, Curve25519.generateKeyPair(), serverStatic, certChain);
                handshake.readClientHello(frame);
                if (handshakeMode == HandshakeMode.CLOSE_AFTER_CLIENT_HELLO) {
                    ctx.close();
                    return;
                }
                if (handshakeMode == HandshakeMode.DROP_AFTER_CLIENT_HELLO) {
                    ctx.pipeline().firstContext().close(); // below the WebSocket handler: no close frame
                    return;
                }
                writeFrame(encoder.encode(handshake.writeServerHello()));
            } else if (cipher == null) {
                client = handshake.readClientFinish(frame);
                cipher = handshake.split();
            } else {
                Node node = NodeDecoder.decodeFrame(cipher.decrypt(frame));
                received.add(node);
                behaviour.accept(this, node);
            }
        }

        private void writeFrame(byte[] wire) {
            ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(wire)));
        }

        private void onLoop(Runnable task) {
            if (ctx.executor().inEventLoop()) {
                task.run();
            } else {
                ctx.executor().execute(task);
            }
        }

        /** Sends a node, uncompressed (flag byte 0). */
        void send(Node node) {
            sendPlaintext(NodeEncoder.encode(node));
        }

        /** Sends a node zlib-compressed behind flag byte 2. */
        void sendCompressed(Node node) {
            byte[] raw = NodeEncoder.encodeUnframed(node);
            Deflater deflater = new Deflater();
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(2);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            sendPlaintext(out.toByteArray());
        }

        void sendPlaintext(byte[] plaintext) {
            onLoop(() -> writeFrame(encoder.encode(cipher.encrypt(plaintext))));
        }

        /**
         * Sends nodes as one byte stream cut into WebSocket messages at random boundaries: a message may
         * hold several frames or a part of one.
         */
        void sendFragmented(List<Node> nodes, SplittableRandom random) {
            onLoop(() -> {
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                for (Node node : nodes) {
                    stream.writeBytes(encoder.encode(cipher.encrypt(NodeEncoder.encode(node))));
                }
                byte[] all = stream.toByteArray();
                int position = 0;
                while (position < all.length) {
                    int n = Math.min(all.length - position, 1 + random.nextInt(200));
                    writeFrame(java.util.Arrays.copyOfRange(all, position, position + n));
                    position += n;
                }
            });
        }

        /** Sends a text WebSocket message, which WhatsApp never does. */
        void sendText(String text) {
            onLoop(() -> ctx.writeAndFlush(new io.netty.handler.codec.http.websocketx.TextWebSocketFrame(text)));
        }

        /** Stops or resumes reading from the client, so its writes back up. */
        void reading(boolean on) {
            onLoop(() -> ctx.channel().config().setAutoRead(on));
        }

        /** Sends raw bytes as one binary WebSocket message, bypassing the cipher. */
        void sendRaw(byte[] bytes) {
            onLoop(() -> writeFrame(bytes));
        }

        /** Sends a WebSocket close frame with {@code code} and closes. */
        void closeWith(int code) {
            onLoop(() -> ctx.writeAndFlush(new CloseWebSocketFrame(code, "bye")).addListener(f -> ctx.close()));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            inactive = true;
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
