package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The part of an open connection the session uses; {@link Connector#noise} adapts the Noise transport. */
public interface ClientConnection {

    CompletableFuture<Void> send(Node node);

    /** Closes; the listener's {@code onClosed} follows. */
    void close();

    /** Runs {@code interceptor} on inbound nodes before the listener; returning true consumes the node. */
    void addInterceptor(Predicate<Node> interceptor);

    /** Starts keepalive pings on this connection (stops by itself when it closes). */
    void startKeepAlive();

    /**
     * Stops ({@code true}) or resumes reading inbound nodes (backpressure); nodes already read wait until reading
     * resumes. Never blocks.
     */
    void pauseReading(boolean paused);
}
