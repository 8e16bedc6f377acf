package io.tryx.protocol.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link ClientScheduler} whose time only moves when the test advances it. */
final class ManualScheduler implements ClientScheduler {

    private final class Task implements Cancellable {
        final long due;
        final Runnable body;
        boolean cancelled;

        Task(long due, Runnable body) {
            this.due = due;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + delay.toNanos(), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward, running due tasks in order (including ones they schedule). */
    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && t.due <= target)
                        .min(Comparator.comparingLong(t -> t.due)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = next.due;
            }
            next.body.run();
        }
    }

    /** Delays of live tasks from now. */
    synchronized List<Duration> pending() {
        return tasks.stream().filter(t -> !t.cancelled).map(t -> Duration.ofNanos(t.due - now)).toList();
    }
}
