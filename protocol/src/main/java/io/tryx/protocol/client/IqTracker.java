package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Matches IQ answers to requests: {@link #register(String)} returns a future for an id, {@link #intercept(Node)}
 * (installed as a connection interceptor) completes it with the {@code iq result} or fails it with an
 * {@link IqException} for {@code iq error}, answers in any order; unanswered requests fail with
 * {@link IqTimeoutException} after the timeout; {@link #failAll} fails what is pending when the connection
 * ends. Thread-safe.
 */
public final class IqTracker {

    private record Pending(CompletableFuture<Node> future, Cancellable timeout) {
    }

    private final ClientScheduler scheduler;
    private final Duration timeout;
    private final String prefix;
    private final Map<String, Pending> pending = new HashMap<>();
    private long counter;

    public IqTracker(ClientScheduler scheduler, Duration timeout, String prefix) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** A fresh request id. */
    public synchronized String nextId() {
        return prefix + (++counter);
    }

    /** The future answer to the request {@code id}. */
    public CompletableFuture<Node> register(String id) {
        CompletableFuture<Node> future = new CompletableFuture<>();
        synchronized (this) {
            if (pending.containsKey(id)) {
                throw new IllegalStateException("iq id already pending: " + id);
            }
            Cancellable timer = scheduler.schedule(timeout, () -> expire(id));
            pending.put(id, new Pending(future, timer));
        }
        return future;
    }

    /** Takes an answer to a pending request out of the stream; true when it was one. */
    public boolean intercept(Node node) {
        if (!node.tag().equals("iq")) {
            return false;
        }
        String type = node.attrs().optionalString("type").orElse("");
        if (!type.equals("result") && !type.equals("error")) {
            return false;
        }
        String id = node.attrs().optionalString("id").orElse(null);
        Pending request;
        synchronized (this) {
            request = id == null ? null : pending.remove(id);
        }
        if (request == null) {
            return false;
        }
        request.timeout().cancel();
        if (type.equals("result")) {
            request.future().complete(node);
        } else {
            Node error = node.child("error").orElse(null);
            int code = error == null ? -1 : error.attrs().optionalString("code").map(IqTracker::parseCode).orElse(-1);
            String text = error == null ? "" : error.attrs().optionalString("text").orElse("");
            request.future().completeExceptionally(new IqException(code, text, node));
        }
        return true;
    }

    /** Fails every pending request with {@code cause}. */
    public void failAll(Throwable cause) {
        Map<String, Pending> all;
        synchronized (this) {
            all = new HashMap<>(pending);
            pending.clear();
        }
        all.values().forEach(p -> {
            p.timeout().cancel();
            p.future().completeExceptionally(cause);
        });
    }

    /** How many requests wait for an answer. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    private void expire(String id) {
        Pending request;
        synchronized (this) {
            request = pending.remove(id);
        }
        if (request != null) {
            request.future().completeExceptionally(new IqTimeoutException(id));
        }
    }

    private static int parseCode(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
