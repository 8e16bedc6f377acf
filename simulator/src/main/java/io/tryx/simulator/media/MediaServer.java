package io.tryx.simulator.media;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;

import java.net.InetSocketAddress;

/**
 * The simulator's media host: HTTPS uploads and downloads of encrypted media (see {@link MediaHttpHandler}),
 * blobs kept by {@link MediaBlobs}. Its {@code host:port} is what {@code media_conn} hands to clients.
 */
public final class MediaServer implements AutoCloseable {

    private final Channel serverChannel;
    private final String host;

    /** Binds and starts serving; {@code port} 0 picks a free port. */
    public MediaServer(EventLoopGroup boss, EventLoopGroup workers, String host, int port, SslContext tls,
                       MediaBlobs blobs, MediaAuth auth, long maxUploadBytes) throws InterruptedException {
        this.host = host;
        String[] baseUrl = new String[1];
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), new HttpServerCodec(),
                                new HttpServerExpectContinueHandler(), new ChunkedWriteHandler(),
                                new MediaHttpHandler(blobs, auth, baseUrl[0], maxUploadBytes));
                    }
                });
        serverChannel = bootstrap.bind(host, port).sync().channel();
        baseUrl[0] = "https://" + hostname();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** {@code host:port}, as clients put it into {@code https://<hostname><path>}. */
    public String hostname() {
        return host + ":" + port();
    }

    /** {@code https://host:port}. */
    public String url() {
        return "https://" + hostname();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
