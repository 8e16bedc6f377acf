package io.tryx.simulator.presence;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.privacy.Privacy;
import io.tryx.simulator.privacy.PrivacyCategory;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Account presence and presence subscriptions. An account is online while at least one of its companions is
 * available (it sent {@code <presence type="available"/>} and its session lasts); when the last one goes
 * unavailable or away, its last seen becomes now. A subscription belongs to the subscribing device's session
 * (it ends with it) and gets the target's presence at once and on every change, rendered for the subscriber:
 * {@code <presence from type="available"/>} when it may see online, else {@code <presence from
 * type="unavailable" last="epoch seconds|deny"/>} (no {@code last} when never seen); a subscriber that blocked the
 * target gets nothing, a subscriber the target blocked sees {@code deny}. {@code from} is the target's phone JID
 * or LID as subscribed. Presence is never queued for offline devices. Thread-safe.
 */
public final class Presences {

    private final Privacy privacy;
    private final DeviceSessions sessions;
    private final InstantSource clock;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Map<Long, Subscription>> subscriptions = new HashMap<>();

    public Presences(Privacy privacy, DeviceSessions sessions, InstantSource clock) {
        this.privacy = privacy;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The account's presence as the server knows it. */
    public record Snapshot(boolean online, long lastSeen) {
    }

    /** {@code device} became available or unavailable; subscribers hear of a change of the account's state. */
    public void update(LinkedDevice device, boolean available) {
        Account account = device.account();
        synchronized (this) {
            State state = states.computeIfAbsent(account.phone(), p -> new State());
            boolean wasOnline = !state.available.isEmpty();
            if (available) {
                state.available.add(device.deviceId());
            } else {
                state.available.remove(device.deviceId());
            }
            boolean online = !state.available.isEmpty();
            if (wasOnline && !online) {
                state.lastSeen = clock.instant().getEpochSecond();
            }
            if (wasOnline == online) {
                return;
            }
        }
        refresh(account);
    }

    /** The session of {@code device} on {@code connection} ended: it is unavailable and its subscriptions end. */
    public void sessionEnded(LinkedDevice device, ChatConnection connection) {
        synchronized (this) {
            subscriptions.values().forEach(byConnection -> byConnection.remove(connection.id()));
        }
        update(device, false);
    }

    /** {@code connection}'s device subscribes to {@code target}; it gets the current presence now. */
    public void subscribe(ChatConnection connection, Account target, boolean lid) {
        LinkedDevice subscriber = connection.device();
        Subscription subscription = new Subscription(connection, subscriber, lid);
        synchronized (this) {
            subscriptions.computeIfAbsent(target.phone(), p -> new HashMap<>()).put(connection.id(), subscription);
        }
        push(target, subscription);
    }

    /** Ends {@code connection}'s subscription to {@code target}. */
    public synchronized void unsubscribe(ChatConnection connection, Account target) {
        Map<Long, Subscription> byConnection = subscriptions.get(target.phone());
        if (byConnection != null) {
            byConnection.remove(connection.id());
        }
    }

    /** Sends the target's presence to every subscriber whose view of it changed (after a presence, block or privacy change). */
    public void refresh(Account target) {
        Map<Long, Subscription> current;
        synchronized (this) {
            current = Map.copyOf(subscriptions.getOrDefault(target.phone(), Map.of()));
        }
        current.values().forEach(s -> push(target, s));
    }

    public synchronized Snapshot snapshot(Account account) {
        State state = states.get(account.phone());
        return state == null ? new Snapshot(false, 0) : new Snapshot(!state.available.isEmpty(), state.lastSeen);
    }

    /** How many subscriptions {@code target} has. */
    public synchronized int subscribers(Account target) {
        return subscriptions.getOrDefault(target.phone(), Map.of()).size();
    }

    private void push(Account target, Subscription subscription) {
        ChatConnection connection = subscription.connection;
        boolean current = sessions.connection(subscription.subscriber.jid()).filter(c -> c == connection).isPresent();
        if (!current) {
            synchronized (this) {
                Map<Long, Subscription> byConnection = subscriptions.get(target.phone());
                if (byConnection != null) {
                    byConnection.remove(connection.id(), subscription);
                }
            }
            return;
        }
        Optional<Node> rendered = render(target, subscription.subscriber.account(), subscription.lid);
        if (rendered.isEmpty()) {
            return;
        }
        synchronized (subscription) {
            if (rendered.get().equals(subscription.lastSent)) {
                return;
            }
            subscription.lastSent = rendered.get();
        }
        connection.execute(() -> connection.send(rendered.get()));
    }

    /** The target's presence as {@code viewer} may see it; empty when the viewer blocked the target. */
    Optional<Node> render(Account target, Account viewer, boolean lid) {
        if (privacy.blocklist().isBlocked(viewer, target)) {
            return Optional.empty();
        }
        Snapshot snapshot = snapshot(target);
        Node.Builder presence = Node.builder("presence").attr("from", lid ? target.lid() : target.jid());
        if (snapshot.online() && privacy.visible(target, PrivacyCategory.ONLINE, viewer)) {
            return Optional.of(presence.attr("type", "available").build());
        }
        presence.attr("type", "unavailable");
        if (!privacy.visible(target, PrivacyCategory.LAST, viewer)) {
            presence.attr("last", "deny");
        } else if (snapshot.lastSeen() > 0) {
            presence.attr("last", snapshot.lastSeen());
        }
        return Optional.of(presence.build());
    }

    private static final class State {
        final Set<Integer> available = new HashSet<>();
        long lastSeen;
    }

    private static final class Subscription {
        final ChatConnection connection;
        final LinkedDevice subscriber;
        final boolean lid;
        Node lastSent;

        Subscription(ChatConnection connection, LinkedDevice subscriber, boolean lid) {
            this.connection = connection;
            this.subscriber = subscriber;
            this.lid = lid;
        }
    }
}
