package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.Cancellable;
import io.tryx.protocol.client.ClientScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Matches the server's {@code <ack class="message" id t [error]>} to sends: {@link #register} gives the future
 * of a message id, completed with the {@code t} of its ack or failed with a {@link SendException}
 * ({@code SERVER_ERROR} for an error ack, {@code TIMEOUT}, {@code NOT_CONNECTED} when the connection ended).
 * Thread-safe.
 */
final class AckTracker {

    private record Pending(CompletableFuture<SendResult> future, Cancellable timeout) {
    }

    private final ClientScheduler scheduler;
    private final Duration timeout;
    private final Map<String, Pending> pending = new HashMap<>();

    AckTracker(ClientScheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    CompletableFuture<SendResult> register(String id) {
        CompletableFuture<SendResult> future = new CompletableFuture<>();
        synchronized (pending) {
            Cancellable timer = scheduler.schedule(timeout, () -> fail(id,
                    new SendException(SendException.Reason.TIMEOUT, "no ack for " + id + " within " + timeout)));
            Pending previous = pending.put(id, new Pending(future, timer));
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
            request.future().complete(new SendResult(id, Instant.ofEpochSecond(t)));
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
