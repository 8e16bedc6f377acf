package io.tryx.bridge.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When a long-running command ({@code run}, {@code demo}, {@code tail}) should stop: on SIGTERM/SIGINT (the JVM's
 * shutdown hook requests the stop, then waits up to {@link #CLOSE_GRACE} for the command to report it has closed
 * everything) or when a test requests it.
 */
public final class ShutdownSignal {

    /** How long the shutdown hook lets the command close its resources. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** A signal that the JVM's shutdown (SIGTERM, SIGINT) triggers. */
    public static ShutdownSignal onJvmShutdown() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signal.requestStop();
            try {
                signal.closed.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tryx-shutdown"));
        return signal;
    }

    public void requestStop() {
        stop.countDown();
    }

    public boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /** Waits up to {@code timeout} for a stop request; true when one came. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stop.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a stop request. */
    public void awaitStop() throws InterruptedException {
        stop.await();
    }

    /** The command closed what it had opened; a waiting shutdown hook may let the JVM exit. */
    public void closed() {
        closed.countDown();
    }
}
