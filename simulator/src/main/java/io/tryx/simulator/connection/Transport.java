package io.tryx.simulator.connection;

import java.time.Duration;

/**
 * The byte pipe under one {@link ChatConnection}: a WebSocket channel in production, a recorder in tests.
 * Every method is called on the connection's own thread, except {@link #execute(Runnable)}, which may be
 * called from anywhere to get onto it.
 */
public interface Transport {

    /** Sends one WebSocket message carrying these bytes. */
    void write(byte[] bytes);

    /** Closes the underlying channel (after pending writes). */
    void close();

    /** Runs {@code task} on the connection's thread after {@code delay}. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Runs {@code task} on the connection's thread. */
    void execute(Runnable task);

    /** A scheduled task that can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
