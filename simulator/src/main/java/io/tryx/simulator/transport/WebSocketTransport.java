package io.tryx.simulator.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.ssl.SslHandler;
import io.tryx.simulator.connection.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Transport} over a Netty WebSocket channel: each write is one binary message. The outbound
 * buffer is bounded by the channel's write-buffer water mark; a client that lets it fill up past the high
 * mark is disconnected rather than buffered without limit.
 *
 * <p>{@link #close()} ends the stream gracefully: the last frames and a WebSocket close go out, then FIN
 * (after TLS close_notify on {@code wss}), and whatever the client still sends is read and dropped until it
 * closes its side (or {@link #CLOSE_GRACE} passes). Closing the socket outright would make the kernel answer
 * the client's late writes (acks, presence) with RST; a reset client may tear its socket down before it has
 * read the final {@code <stream:error>}, and Baileys then reports a plain "connection terminated" (428)
 * instead of "restart required" (515) and never logs in.
 */
final class WebSocketTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
    /** How long a closed stream waits for the client to close its side before the socket is dropped. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

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
        if (!(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ChannelFuture sent = channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE));
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls != null) {
            sent = tls.closeOutbound();
        }
        sent.addListener(f -> duplex.shutdownOutput());
        // the client's FIN closes the channel (no half-closure allowed); a client that never closes is dropped
        var grace = channel.eventLoop().schedule(() -> {
            channel.close();
        }, CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> grace.cancel(false));
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
