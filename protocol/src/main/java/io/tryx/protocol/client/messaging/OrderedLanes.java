package io.tryx.protocol.client.messaging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs tasks in order per key (a chat) and keys in parallel, on a shared executor: no thread per key or per
 * account. A task may be asynchronous (it returns a stage); the next task of its key starts only when that
 * stage completed, so a send waiting for a device list keeps the chat's order without holding a thread.
 * After each task the lane yields the executor, so one busy chat cannot starve the others. A lane exists only
 * while it has work. Thread-safe.
 */
public final class OrderedLanes<K> {

    private final Executor executor;
    private final Map<K, Deque<Job<?>>> lanes = new HashMap<>();

    /** A queued task and the future its caller holds. */
    private record Job<T>(Supplier<? extends CompletionStage<T>> task, CompletableFuture<T> result) {
    }

    public OrderedLanes(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Queues a synchronous task on {@code key}'s lane. */
    public <T> CompletableFuture<T> run(K key, Supplier<T> task) {
        return submit(key, () -> CompletableFuture.completedFuture(task.get()));
    }

    /**
     * Queues a task on {@code key}'s lane; the result completes with the task's stage. A task that throws
     * fails its own result only; the lane goes on.
     */
    public <T> CompletableFuture<T> submit(K key, Supplier<? extends CompletionStage<T>> task) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> result = new CompletableFuture<>();
        Job<T> job = new Job<>(task, result);
        boolean first;
        synchronized (lanes) {
            Deque<Job<?>> lane = lanes.get(key);
            first = lane == null;
            if (first) {
                lane = new ArrayDeque<>();
                lanes.put(key, lane);
            }
            lane.addLast(job);
        }
        if (first) {
            dispatch(key);
        }
        return result;
    }

    /** How many keys have queued or running work. */
    public int activeLanes() {
        synchronized (lanes) {
            return lanes.size();
        }
    }

    private <T> void start(K key, Job<T> job) {
        CompletableFuture<T> result = job.result();
        CompletionStage<T> stage;
        try {
            stage = job.task().get();
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
            finished(key);
            return;
        }
        stage.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
            finished(key);
        });
    }

    /** The running task of {@code key} is done: drop it and hand the next one to the executor. */
    private void finished(K key) {
        synchronized (lanes) {
            Deque<Job<?>> lane = lanes.get(key);
            lane.pollFirst();
            if (lane.isEmpty()) {
                lanes.remove(key);
                return;
            }
        }
        dispatch(key);
    }

    private void dispatch(K key) {
        Job<?> head;
        synchronized (lanes) {
            head = lanes.get(key).peekFirst();
        }
        try {
            executor.execute(() -> start(key, head));
        } catch (RejectedExecutionException e) {
            // the executor is shutting down: fail what waits on this lane instead of leaving it hanging
            Deque<Job<?>> dropped;
            synchronized (lanes) {
                dropped = lanes.remove(key);
            }
            if (dropped != null) {
                dropped.forEach(j -> j.result().completeExceptionally(e));
            }
        }
    }
}
