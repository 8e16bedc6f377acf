package io.tryx.protocol.client.presence;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.Cancellable;
import io.tryx.protocol.client.ClientScheduler;
import io.tryx.protocol.client.IqTimeoutException;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.client.privacy.PrivacyTokens;
import io.tryx.protocol.client.profile.PushName;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.client.updates.Updates;
import io.tryx.protocol.jid.Jid;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * This account's presence. {@link #setAvailable} / {@link #setUnavailable} send {@code <presence type name?/>}
 * (the push name set through the profile rides along; the server answers nothing, so they complete once written);
 * {@link #subscribe} sends {@code <presence type="subscribe" to>} (with the user's privacy token when we hold one)
 * and completes with the presence the server answers at once; later changes arrive as
 * {@link UpdateEvent.PresenceChanged}. Subscriptions end with the connection. Thread-safe.
 */
public final class Presence {

    private final IqCalls calls;
    private final PushName pushName;
    private final PrivacyTokens tokens;
    private final Updates updates;
    private final ClientScheduler scheduler;
    private final Duration timeout;

    /** {@code timeout} bounds the wait for a subscription's first presence. */
    public Presence(IqCalls calls, PushName pushName, PrivacyTokens tokens, Updates updates, ClientScheduler scheduler,
                    Duration timeout) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.pushName = Objects.requireNonNull(pushName, "pushName");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Online: others subscribed see this account available. */
    public CompletableFuture<Void> setAvailable() {
        return announce("available");
    }

    /** Offline: others see this account unavailable, last seen now. */
    public CompletableFuture<Void> setUnavailable() {
        return announce("unavailable");
    }

    /**
     * Subscribes to {@code user}'s presence (phone-number JID or LID); completes with its current presence. Fails
     * with {@link IqTimeoutException} when none comes in time (e.g. the user is blocked by us).
     */
    public CompletableFuture<UpdateEvent.PresenceChanged> subscribe(Jid user) {
        Jid target = requireUser(user);
        Node.Builder presence = Node.builder("presence").attr("type", "subscribe").attr("to", target);
        tokens.get(target).ifPresent(t -> presence.children(Node.builder("tctoken").bytes(t.value()).build()));
        CompletableFuture<UpdateEvent.PresenceChanged> first = updates.nextPresence(target);
        Cancellable timer = scheduler.schedule(timeout, () ->
                first.completeExceptionally(new IqTimeoutException("presence subscribe " + target)));
        first.whenComplete((v, e) -> timer.cancel());
        calls.send(presence.build()).whenComplete((v, error) -> {
            if (error != null) {
                first.completeExceptionally(error);
            }
        });
        return first;
    }

    /** Ends the subscription to {@code user}. */
    public CompletableFuture<Void> unsubscribe(Jid user) {
        return calls.send(Node.builder("presence").attr("type", "unsubscribe").attr("to", requireUser(user)).build());
    }

    private CompletableFuture<Void> announce(String type) {
        Node.Builder presence = Node.builder("presence").attr("type", type);
        pushName.get().ifPresent(name -> presence.attr("name", name));
        return calls.send(presence.build());
    }

    private static Jid requireUser(Jid user) {
        Jid target = Objects.requireNonNull(user, "user").toNonAd();
        if (!target.isPhoneUser() && !target.isLid()) {
            throw new IllegalArgumentException("presence is of users, not " + user);
        }
        return target;
    }
}
