package io.tryx.simulator.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.connection.ConnectionHandler;
import io.tryx.simulator.connection.ServerIdentity;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat endpoint: a WebSocket server at {@code /ws/chat} (TLS when given a context); each channel gets one
 * {@link ChatConnection} that lives on the channel's event loop.
 */
public final class ChatServer implements AutoCloseable {

    /** WhatsApp Web's chat path. */
    public static final String PATH = "/ws/chat";
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final Channel serverChannel;
    private final AtomicLong ids = new AtomicLong();

    /** Binds and starts accepting; {@code port} 0 picks a free port; {@code tls} null serves plain {@code ws}. */
    public ChatServer(EventLoopGroup boss, EventLoopGroup workers, String host, int port, SslContext tls,
                      ServerIdentity identity, ConnectionHandler handler) throws InterruptedException {
        this(boss, workers, host, port, tls, identity, handler, 0);
    }

    /** As above; stanzas whose encoded node exceeds {@code compressAbove} bytes go out zlib-compressed (0: never). */
    public ChatServer(EventLoopGroup boss, EventLoopGroup workers, String host, int port, SslContext tls,
                      ServerIdentity identity, ConnectionHandler handler, int compressAbove) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 8 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChatConnection connection = new ChatConnection(ids.incrementAndGet(), identity,
                                new WebSocketTransport(ch), handler, compressAbove);
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath(PATH).maxFramePayloadLength(MAX_MESSAGE)
                                        .checkStartsWith(false).allowExtensions(false).build()),
                                new ChatFrameHandler(connection));
                    }
                });
        serverChannel = bootstrap.bind(host, port).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
