package io.tryx.protocol.client.media;

import io.tryx.protocol.client.messaging.StanzaChannel;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The account's {@code media_conn}: asked once, then reused until its {@code ttl} runs out; concurrent callers
 * share one query. {@link #invalidate} drops an answer a media host refused (e.g. 401 for an expired auth token),
 * so the next {@link #current()} asks again. Thread-safe.
 */
public final class MediaConnections {

    private final StanzaChannel channel;
    private final InstantSource clock;
    private CompletableFuture<MediaConn> cached;

    public MediaConnections(StanzaChannel channel, InstantSource clock) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cached answer while it is fresh, otherwise a new query's; a failed query is not cached. */
    public synchronized CompletableFuture<MediaConn> current() {
        if (cached != null) {
            if (!cached.isDone()) {
                return cached;
            }
            if (!cached.isCompletedExceptionally() && clock.instant().isBefore(cached.join().expiresAt())) {
                return cached;
            }
        }
        CompletableFuture<MediaConn> query = channel.query(MediaConn.request(channel.nextIqId()))
                .thenApply(answer -> MediaConn.parse(answer, clock.instant()));
        cached = query;
        query.whenComplete((conn, error) -> {
            if (error != null) {
                synchronized (this) {
                    if (cached == query) {
                        cached = null;
                    }
                }
            }
        });
        return query;
    }

    /** {@link #current()}, waited for up to {@code timeout}; blocks. */
    MediaConn await(Duration timeout) throws MediaException {
        try {
            return current().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new MediaException(MediaException.Reason.MEDIA_CONN, 0, "media_conn failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaException.Reason.IO, 0, "interrupted while asking media_conn", e);
        }
    }

    /** Forgets {@code failed} if it is still the cached answer, so the next call asks the server again. */
    public synchronized void invalidate(MediaConn failed) {
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally() && cached.join() == failed) {
            cached = null;
        }
    }
}
