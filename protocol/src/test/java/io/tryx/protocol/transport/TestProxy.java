package io.tryx.protocol.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.socksx.v5.DefaultSocks5CommandResponse;
import io.netty.handler.codec.socksx.v5.DefaultSocks5InitialResponse;
import io.netty.handler.codec.socksx.v5.DefaultSocks5PasswordAuthResponse;
import io.netty.handler.codec.socksx.v5.Socks5AddressType;
import io.netty.handler.codec.socksx.v5.Socks5AuthMethod;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequest;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5CommandStatus;
import io.netty.handler.codec.socksx.v5.Socks5CommandType;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequest;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5Message;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthRequest;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthStatus;
import io.netty.handler.codec.socksx.v5.Socks5ServerEncoder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-test proxies relaying bytes to a target: an HTTP CONNECT proxy and a SOCKS5 proxy, each optionally
 * requiring a username and password. Records the {@code host:port} every tunnel was opened to.
 */
final class TestProxy implements AutoCloseable {

    enum Kind { HTTP, SOCKS5 }

    final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listening;
    private final String username;
    private final String password;

    TestProxy(Kind kind, String username, String password) {
        this.username = username;
        this.password = password;
        this.listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (kind == Kind.HTTP) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new HttpConnect());
                        } else {
                            ch.pipeline().addLast(Socks5ServerEncoder.DEFAULT, new Socks5InitialRequestDecoder(), new Socks());
                        }
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class HttpConnect extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (request.method() != HttpMethod.CONNECT) {
                respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, true);
                return;
            }
            if (username != null) {
                String expected = "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(request.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION))) {
                    respond(ctx, HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED, true);
                    return;
                }
            }
            String target = request.uri();
            int colon = target.lastIndexOf(':');
            String host = target.substring(0, colon);
            int port = Integer.parseInt(target.substring(colon + 1));
            ctx.channel().config().setAutoRead(false);
            connect(ctx, host, port, () -> {
                respond(ctx, HttpResponseStatus.OK, false);
                ChannelPipeline p = ctx.pipeline();
                p.remove(HttpServerCodec.class);
                p.remove(HttpObjectAggregator.class);
                p.remove(this);
            });
        }

        private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, boolean close) {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            var future = ctx.writeAndFlush(response);
            if (close) {
                future.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private final class Socks extends SimpleChannelInboundHandler<Socks5Message> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Socks5Message message) {
            if (message instanceof Socks5InitialRequest initial) {
                if (username != null && initial.authMethods().contains(Socks5AuthMethod.PASSWORD)) {
                    ctx.pipeline().addFirst(new Socks5PasswordAuthRequestDecoder());
                    ctx.writeAndFlush(new DefaultSocks5InitialResponse(Socks5AuthMethod.PASSWORD));
                } else if (username == null) {
                    ctx.pipeline().addFirst(new Socks5CommandRequestDecoder());
                    ctx.writeAndFlush(new DefaultSocks5InitialResponse(Socks5AuthMethod.NO_AUTH));
                } else {
                    ctx.writeAndFlush(new DefaultSocks5InitialResponse(Socks5AuthMethod.UNACCEPTED))
                            .addListener(ChannelFutureListener.CLOSE);
                }
            } else if (message instanceof Socks5PasswordAuthRequest auth) {
                boolean ok = auth.username().equals(username) && auth.password().equals(password);
                if (ok) {
                    ctx.pipeline().addFirst(new Socks5CommandRequestDecoder());
                }
                var future = ctx.writeAndFlush(new DefaultSocks5PasswordAuthResponse(
                        ok ? Socks5PasswordAuthStatus.SUCCESS : Socks5PasswordAuthStatus.FAILURE));
                if (!ok) {
                    future.addListener(ChannelFutureListener.CLOSE);
                }
            } else if (message instanceof Socks5CommandRequest command && command.type() == Socks5CommandType.CONNECT) {
                ctx.channel().config().setAutoRead(false);
                connect(ctx, command.dstAddr(), command.dstPort(), () -> {
                    ctx.writeAndFlush(new DefaultSocks5CommandResponse(Socks5CommandStatus.SUCCESS,
                            Socks5AddressType.IPv4, "127.0.0.1", 1));
                    ctx.pipeline().remove(this);
                    ctx.pipeline().remove(Socks5ServerEncoder.class);
                });
            } else {
                ctx.close();
            }
        }
    }

    /** Opens the tunnel, runs {@code onConnected} on the inbound channel's loop, then relays both ways. */
    private void connect(ChannelHandlerContext ctx, String host, int port, Runnable onConnected) {
        Channel inbound = ctx.channel();
        new Bootstrap().group(inbound.eventLoop()).channel(NioSocketChannel.class)
                .handler(new Relay(inbound))
                .connect(host, port).addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        inbound.close();
                        return;
                    }
                    tunnels.add(host + ":" + port);
                    onConnected.run();
                    inbound.pipeline().addLast(new Relay(f.channel()));
                    inbound.config().setAutoRead(true);
                });
    }

    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel peer;

        Relay(Channel peer) {
            this.peer = peer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            peer.writeAndFlush(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
