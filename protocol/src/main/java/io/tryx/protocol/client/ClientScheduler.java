package io.tryx.protocol.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs delayed tasks (QR rotation, IQ timeouts, reconnects); injected so tests control time. */
@FunctionalInterface
public interface ClientScheduler {

    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduler on {@code executor}. */
    static ClientScheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
