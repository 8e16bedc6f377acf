package io.tryx.protocol.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.binary.NodeEncoder;
import io.tryx.protocol.cert.VerifiedCertChain;
import io.tryx.protocol.transport.TransportException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An established, encrypted connection carrying {@link Node}s. {@link #send(Node)} may be called from
 * any thread: nodes are encoded on the caller's thread, then encrypted and written on the connection's
 * event loop in call order. Inbound nodes reach the {@link NodeListener} in order on that event loop,
 * after the {@linkplain #addInterceptor(Predicate) interceptors} (which may consume them).
 *
 * <p>Outbound is bounded: encoded bytes queued and not yet written count against
 * {@link TransportConfig#maxPendingOutboundBytes()}; beyond it {@code send} fails with OUTBOUND_FULL
 * at once. {@link #close()} is idempotent.
 */
public final class NodeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(NodeConnection.class);
    /** GCM tag plus the 3-byte frame length, counted with each plaintext. */
    private static final int FRAME_OVERHEAD = 19;

    private final Channel channel;
    private final NoiseChannelHandler handler;
    private final NodeListener listener;
    private final long maxPendingBytes;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final List<Predicate<Node>> interceptors = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final CompletableFuture<Void> channelClosed = new CompletableFuture<>();
    private final byte[] serverStaticKey;
    /** Nodes read while reading was paused; touched on the event loop only. */
    private final ArrayDeque<Node> held = new ArrayDeque<>();
    private volatile boolean readingPaused;
    private final VerifiedCertChain certChain;

    NodeConnection(Channel channel, NoiseChannelHandler handler, NodeListener listener, long maxPendingBytes,
                   byte[] serverStaticKey, VerifiedCertChain certChain) {
        this.channel = channel;
        this.handler = handler;
        this.listener = listener;
        this.maxPendingBytes = maxPendingBytes;
        this.serverStaticKey = serverStaticKey;
        this.certChain = certChain;
        channel.closeFuture().addListener(f -> channelClosed.complete(null));
    }

    /** Encodes, encrypts and writes one node; the future completes once it was written to the socket. */
    public CompletableFuture<Void> send(Node node) {
        return sendPlaintext(NodeEncoder.encode(node));
    }

    /**
     * Sends an already encoded frame plaintext (flag byte then node, e.g. {@link NodeEncoder#encode} or a
     * compressed form). For callers that encode themselves.
     */
    public CompletableFuture<Void> sendPlaintext(byte[] plaintext) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (terminated.isDone()) {
            result.completeExceptionally(new TransportException(Reason.CLOSED, "connection is closed"));
            return result;
        }
        long size = plaintext.length + (long) FRAME_OVERHEAD;
        long pending = pendingBytes.addAndGet(size);
        if (pending > maxPendingBytes) {
            pendingBytes.addAndGet(-size);
            result.completeExceptionally(new TransportException(Reason.OUTBOUND_FULL, (pending - size)
                    + " bytes already queued; limit " + maxPendingBytes));
            return result;
        }
        try {
            channel.eventLoop().execute(() -> handler.write(plaintext, size, result));
        } catch (RejectedExecutionException e) {
            pendingBytes.addAndGet(-size);
            result.completeExceptionally(new TransportException(Reason.CLOSED, "event loop shut down", e));
        }
        return result;
    }

    /**
     * Closes cleanly (WebSocket close frame 1000, then the channel). Idempotent; the future completes when
     * the channel is closed, whatever ended the connection.
     */
    public CompletableFuture<Void> close() {
        try {
            channel.eventLoop().execute(handler::closeLocally);
        } catch (RejectedExecutionException e) {
            channel.close();
        }
        return channelClosed;
    }

    /** Ends the connection with a typed reason (keepalive, stream errors found by the client), sending close code 1001. */
    public void abort(TransportException reason) {
        try {
            channel.eventLoop().execute(() -> handler.fail(reason,
                    WebSocketCloseStatus.ENDPOINT_UNAVAILABLE));
        } catch (RejectedExecutionException e) {
            channel.close();
        }
    }

    /**
     * Completes normally after a local {@link #close()}, exceptionally with the {@link TransportException}
     * that ended the connection otherwise.
     */
    public CompletableFuture<Void> closeFuture() {
        return terminated;
    }

    /** True until the connection ended. */
    public boolean isOpen() {
        return !terminated.isDone();
    }

    /**
     * Adds an inbound interceptor, run on the event loop before the listener; returning true consumes the
     * node. Used by {@link KeepAlive} to take its ping replies.
     */
    public void addInterceptor(Predicate<Node> interceptor) {
        interceptors.add(interceptor);
    }

    public void removeInterceptor(Predicate<Node> interceptor) {
        interceptors.remove(interceptor);
    }

    /** The event loop this connection runs on, for scheduling work that belongs to it. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Encoded bytes accepted by {@code send} and not yet written. */
    public long pendingOutboundBytes() {
        return pendingBytes.get();
    }

    /** The server's static Noise key, certified by {@link #certChain()}. */
    public byte[] serverStaticKey() {
        return serverStaticKey.clone();
    }

    /** The server certificate chain verified during the handshake. */
    public VerifiedCertChain certChain() {
        return certChain;
    }

    void released(long size) {
        pendingBytes.addAndGet(-size);
    }

    /**
     * Stops ({@code true}) or resumes ({@code false}) reading inbound nodes, for backpressure: paused, the channel
     * stops reading its socket (Netty {@code autoRead} off, so TCP flow control holds the server back) and nodes that
     * were already read and decoded wait here; resumed, they go to the listener first, in order, then reading
     * continues. Callable from any thread; the last call wins.
     */
    public void pauseReading(boolean paused) {
        readingPaused = paused;
        try {
            channel.eventLoop().execute(this::applyReading);
        } catch (RejectedExecutionException e) {
            // the event loop shut down: nothing is read any more anyway
        }
    }

    /** True while reading is paused ({@link #pauseReading}): silence from the peer is then ours, not its. */
    public boolean isReadingPaused() {
        return readingPaused;
    }

    private void applyReading() {
        while (!readingPaused && !held.isEmpty()) {
            dispatch(held.poll());
        }
        boolean read = !readingPaused && held.isEmpty() && isOpen();
        if (channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }

    void deliver(Node node) {
        if (readingPaused || !held.isEmpty()) {
            held.add(node); // read before the pause took effect: handed on once reading resumes, in order
            if (channel.config().isAutoRead()) {
                channel.config().setAutoRead(false);
            }
            return;
        }
        dispatch(node);
    }

    private void dispatch(Node node) {
        try {
            for (Predicate<Node> interceptor : interceptors) {
                if (interceptor.test(node)) {
                    return;
                }
            }
            listener.onNode(node);
        } catch (RuntimeException e) {
            LOG.warn("node listener failed on <{}>; connection continues", node.tag(), e);
        }
    }

    void terminated(TransportException cause) {
        if (cause == null) {
            terminated.complete(null);
        } else {
            terminated.completeExceptionally(cause);
        }
        try {
            listener.onClosed(cause);
        } catch (RuntimeException e) {
            LOG.warn("node listener failed in onClosed", e);
        }
    }

    @Override
    public String toString() {
        return "NodeConnection[" + channel + ", open=" + isOpen() + "]";
    }
}
