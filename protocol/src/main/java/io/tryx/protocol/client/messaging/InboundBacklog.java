package io.tryx.protocol.client.messaging;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One account's inbound work (messages, receipts, group notifications) between the socket and its handlers. It counts
 * what is queued on the chat lanes and bounds it: when the count reaches the limit it asks to stop reading the
 * account's socket, and to read again once the count fell to the low-water mark, so a slow listener holds back the
 * server instead of growing the heap. It can hold new work until an event was delivered (the offline preview comes
 * before the messages it announces) and tells when everything queued so far is done (the offline completion comes
 * after them). Thread-safe.
 */
final class InboundBacklog {

    private final int limit;
    private final int resumeAt;
    private final Consumer<Boolean> pauseReading;
    private final Set<CompletableFuture<Void>> open = new LinkedHashSet<>();
    private CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private boolean paused;
    private int peak;
    private int pauses;

    /**
     * @param limit        queued work at which reading stops
     * @param resumeAt     queued work at or below which reading resumes
     * @param pauseReading called with true to stop reading the socket, false to read again (must not block)
     */
    InboundBacklog(int limit, int resumeAt, Consumer<Boolean> pauseReading) {
        if (limit < 1 || resumeAt < 0 || resumeAt >= limit) {
            throw new IllegalArgumentException("need limit >= 1 and 0 <= resumeAt < limit: " + limit + ", " + resumeAt);
        }
        this.limit = limit;
        this.resumeAt = resumeAt;
        this.pauseReading = Objects.requireNonNull(pauseReading, "pauseReading");
    }

    /**
     * Queues one unit of work: {@code start} hands it to its lane and returns its completion. It runs now, or after the
     * current hold ({@link #holdUntil}), in submission order either way. Never blocks.
     */
    synchronized void submit(Supplier<? extends CompletionStage<?>> start) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        open.add(done);
        peak = Math.max(peak, open.size());
        if (!paused && open.size() >= limit) {
            paused = true;
            pauses++;
            pauseReading.accept(true);
        }
        done.whenComplete((ignored, error) -> released(done));
        if (gate.isDone()) {
            run(start, done);
        } else {
            gate = gate.thenRun(() -> run(start, done));
        }
    }

    /** Work submitted from now on starts only once {@code event} completed (whichever way). */
    synchronized void holdUntil(CompletionStage<?> event) {
        gate = CompletableFuture.allOf(gate, event.toCompletableFuture().handle((value, error) -> null));
    }

    /** Completes once every unit of work submitted so far is done. */
    synchronized CompletableFuture<Void> idle() {
        return CompletableFuture.allOf(open.toArray(CompletableFuture[]::new));
    }

    /** The counts now: queued, the most ever queued at once, how often reading was paused, whether it is paused. */
    synchronized InboundStats stats() {
        return new InboundStats(open.size(), peak, pauses, paused);
    }

    private static void run(Supplier<? extends CompletionStage<?>> start, CompletableFuture<Void> done) {
        try {
            start.get().whenComplete((value, error) -> done.complete(null));
        } catch (RuntimeException e) {
            done.complete(null); // the handler logged or failed its own work; it no longer counts as queued
        }
    }

    private synchronized void released(CompletableFuture<Void> done) {
        open.remove(done);
        if (paused && open.size() <= resumeAt) {
            paused = false;
            pauseReading.accept(false);
        }
    }
}
