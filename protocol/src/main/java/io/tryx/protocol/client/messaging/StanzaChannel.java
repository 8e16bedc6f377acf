package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;

import java.util.concurrent.CompletableFuture;

/** How messaging talks to the server: the client session in production, a fake in unit tests. */
public interface StanzaChannel {

    /** Sends a stanza; fails when there is no connection. */
    CompletableFuture<Void> send(Node node);

    /** Sends an IQ carrying an {@code id} and completes with its answer (an {@code iq error} fails it). */
    CompletableFuture<Node> query(Node iq);

    /** A fresh IQ id. */
    String nextIqId();

    /**
     * Stops ({@code true}) or resumes ({@code false}) reading inbound stanzas, for backpressure; the last call wins,
     * also across reconnects. Never blocks.
     */
    void pauseReading(boolean paused);
}
