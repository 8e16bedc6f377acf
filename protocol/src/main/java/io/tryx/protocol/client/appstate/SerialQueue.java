package io.tryx.protocol.client.appstate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after the other: a task starts (on the executor) once the previous one's future
 * completed, whatever its outcome, so app-state syncs and uploads of one account never interleave. Never blocks a
 * thread while a task waits on the network. Thread-safe.
 */
final class SerialQueue {

    private final Executor executor;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    SerialQueue(Executor executor) {
        this.executor = executor;
    }

    synchronized <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> next = tail.handle((v, e) -> null).thenComposeAsync(v -> {
            try {
                return task.get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }, executor);
        tail = next;
        return next;
    }
}
