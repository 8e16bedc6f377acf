package io.tryx.simulator.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.tryx.simulator.connection.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Transport} over a Netty WebSocket channel: each write is one binary message. The outbound
 * buffer is bounded by the channel's write-buffer water mark; a client that lets it fill up past the high
 * mark is disconnected rather than buffered without limit.
 */
final class WebSocketTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);

    private final Channel channel;

    WebSocketTransport(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void write(byte[] bytes) {
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable()) {
            log.warn("{}: outbound buffer full, closing slow client", channel);
            channel.close();
            return;
        }
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)))
                .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    @Override
    public void close() {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        var future = channel.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }
}
