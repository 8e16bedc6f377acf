package io.tryx.simulator.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.pairing.LinkCodePairing;
import io.tryx.simulator.pairing.PairingService;

import io.tryx.simulator.groups.Groups;
import io.tryx.simulator.phone.MockPhones;
import io.tryx.simulator.appstate.AppStateService;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

/** The admin HTTP JSON API (see {@link AdminHandler} for the endpoints); bind it to loopback only. */
public final class AdminServer implements AutoCloseable {

    private final Channel serverChannel;
    private final AdminApi api;

    public AdminServer(EventLoopGroup boss, EventLoopGroup workers, String host, int port,
                       AccountRegistry accounts, PairingService pairing, LinkCodePairing linkCodes, DeviceSessions sessions,
                       MockPhones phones, Groups groups, AppStateService appState, Supplier<?> stats, Supplier<?> tls)
            throws InterruptedException {
        this.api = new AdminApi(accounts, pairing, linkCodes, sessions, phones, groups, appState, stats, tls);
        serverChannel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new AdminHandler(api));
                    }
                })
                .bind(host, port).sync().channel();
    }

    /** The endpoints served, to {@link AdminApi#extend} them. */
    public AdminApi api() {
        return api;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
