package io.tryx.simulator.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tryx.simulator.connection.ChatConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feeds binary WebSocket messages of one channel into its {@link ChatConnection}. */
final class ChatFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(ChatFrameHandler.class);

    private final ChatConnection connection;

    ChatFrameHandler(ChatConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
            connection.onBytes(ByteBufUtil.getBytes(frame.content()));
        } else {
            log.warn("{}: ignoring non-binary WebSocket frame {}", ctx.channel(), frame.getClass().getSimpleName());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.onTransportClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("{}: closing after error: {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
