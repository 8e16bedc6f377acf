package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.Cancellable;
import io.tryx.protocol.client.ClientScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Matches the server's {@code <ack class="message" id t [error]>} to sends: {@link #register} gives the future
 * of a message id, completed with the {@code t} of its ack or failed with a {@link SendException}
 * ({@code SERVER_ERROR} for an error ack, {@code TIMEOUT}, {@code NOT_CONNECTED} when the connection ended).
 * An ack whose {@code phash} differs from the send's own participant hash means our device or participant list
 * was stale: the send's {@link Stale} invalidation runs first (as whatsmeow drops its caches then). Thread-safe.
 */
final class AckTracker {

    private static final Logger log = LoggerFactory.getLogger(AckTracker.class);

    private record Pending(CompletableFuture<SendResult> future, Cancellable timeout, Stale stale) {
    }

    /**
     * What a send does when the server's ack carries a {@code phash} other than {@code phash} (the one the send
     * computed): {@code invalidate} runs on {@code executor} before the send completes, so the next send already
     * asks the server for the lists that were stale.
     */
    record Stale(String phash, Executor executor, Runnable invalidate) {
    }

    private final ClientScheduler scheduler;
    private final Duration timeout;
    private final Map<String, Pending> pending = new HashMap<>();

    AckTracker(ClientScheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    CompletableFuture<SendResult> register(String id) {
        return register(id, null);
    }

    /** Registers a send whose ack is checked against its participant hash ({@code stale} may be null). */
    CompletableFuture<SendResult> register(String id, Stale stale) {
        CompletableFuture<SendResult> future = new CompletableFuture<>();
        synchronized (pending) {
            Cancellable timer = scheduler.schedule(timeout, () -> fail(id,
                    new SendException(SendException.Reason.TIMEOUT, "no ack for " + id + " within " + timeout)));
            Pending previous = pending.put(id, new Pending(future, timer, stale));
            if (previous != null) {
                previous.timeout().cancel();
                previous.future().completeExceptionally(new IllegalStateException("sent again: " + id));
            }
        }
        return future;
    }

    /** Completes the send an ack answers; true when it was one of ours. */
    boolean onAck(Node ack) {
        if (!ack.attrs().optionalString("class").filter("message"::equals).isPresent()) {
            return false;
        }
        String id = ack.attrs().optionalString("id").orElse("");
        Pending request;
        synchronized (pending) {
            request = pending.remove(id);
        }
        if (request == null) {
            return false;
        }
        request.timeout().cancel();
        var error = ack.attrs().optionalString("error");
        if (error.isPresent()) {
            int code = (int) parse(error.get());
            request.future().completeExceptionally(new SendException(SendException.Reason.SERVER_ERROR, code,
                    "server refused " + id + " with error " + error.get(), null));
        } else {
            long t = ack.attrs().optionalString("t").map(AckTracker::parse).orElse(0L);
            SendResult result = new SendResult(id, Instant.ofEpochSecond(t));
            Optional<String> serverPhash = ack.attrs().optionalString("phash").filter(p -> !p.isEmpty());
            Stale stale = request.stale();
            if (stale != null && serverPhash.isPresent() && !serverPhash.get().equals(stale.phash())) {
                log.info("ack of {}: the server's participant hash {} differs from ours {}, refreshing the lists",
                        id, serverPhash.get(), stale.phash());
                CompletableFuture.runAsync(stale.invalidate(), stale.executor())
                        .whenComplete((v, failure) -> {
                            if (failure != null) {
                                log.warn("could not mark the lists of {} stale: {}", id, failure.toString());
                            }
                            request.future().complete(result);
                        });
            } else {
                request.future().complete(result);
            }
        }
        return true;
    }

    /** Fails the send {@code id} if it still waits. */
    void fail(String id, Throwable cause) {
        Pending request;
        synchronized (pending) {
            request = pending.remove(id);
        }
        if (request != null) {
            request.timeout().cancel();
            request.future().completeExceptionally(cause);
        }
    }

    /** Fails every waiting send. */
    void failAll(Throwable cause) {
        Map<String, Pending> all;
        synchronized (pending) {
            all = new HashMap<>(pending);
            pending.clear();
        }
        all.values().forEach(p -> {
            p.timeout().cancel();
            p.future().completeExceptionally(cause);
        });
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
