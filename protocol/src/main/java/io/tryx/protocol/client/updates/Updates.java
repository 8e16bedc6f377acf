package io.tryx.protocol.client.updates;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.OrderedLanes;
import io.tryx.protocol.client.privacy.PrivacyTokens;
import io.tryx.protocol.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Turns the social stanzas and notifications of one account into {@link UpdateEvent}s for its
 * {@link UpdateListener}s, on ordered per-chat lanes over the shared workers (never on the connection's thread).
 * Notifications it takes ({@link UpdateParser#NOTIFICATIONS}; {@code account_sync} only when it understands every
 * child) are acknowledged once the listeners ran; a notification that does not parse is logged and acknowledged;
 * one whose listener failed is left unacknowledged for redelivery. Thread-safe.
 */
public final class Updates {

    private static final Logger log = LoggerFactory.getLogger(Updates.class);

    private final Consumer<Node> acks;
    private final PrivacyTokens tokens;
    private final OrderedLanes<String> lanes;
    private final List<UpdateListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Jid, List<CompletableFuture<UpdateEvent.PresenceChanged>>> presenceWaiters = new ConcurrentHashMap<>();
    private final PushNames pushNames = new PushNames();

    /** {@code acks} writes a notification's {@code ack}; listeners run on {@code workers}. */
    public Updates(Consumer<Node> acks, PrivacyTokens tokens, Executor workers) {
        this.acks = Objects.requireNonNull(acks, "acks");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.lanes = new OrderedLanes<>(Objects.requireNonNull(workers, "workers"));
    }

    public void addListener(UpdateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A future completed by the next presence of {@code user} (as subscribed, without device), before the listeners
     * hear of it.
     */
    public CompletableFuture<UpdateEvent.PresenceChanged> nextPresence(Jid user) {
        CompletableFuture<UpdateEvent.PresenceChanged> next = new CompletableFuture<>();
        presenceWaiters.computeIfAbsent(user.toNonAd(), u -> new CopyOnWriteArrayList<>()).add(next);
        next.whenComplete((v, e) -> presenceWaiters.computeIfPresent(user.toNonAd(), (u, list) -> {
            list.remove(next);
            return list.isEmpty() ? null : list;
        }));
        return next;
    }

    /** Takes {@code presence} and {@code chatstate} stanzas and reads push names off {@code message}s; never blocks. */
    public void onStanza(Node stanza) {
        switch (stanza.tag()) {
            case "presence" -> queue(stanza, () -> List.of(UpdateParser.presence(stanza)), false);
            case "chatstate" -> queue(stanza, () -> UpdateParser.chatState(stanza).<List<UpdateEvent>>map(List::of)
                    .orElse(List.of()), false);
            case "message" -> stanza.attrs().optionalString("notify").filter(n -> !n.isBlank())
                    .ifPresent(name -> queue(stanza, () -> pushName(stanza, name), false));
            default -> { }
        }
    }

    /** Takes a notification of the social surface (true) and acknowledges it once handled; never blocks. */
    public boolean onNotification(Node notification) {
        String type = notification.attrs().optionalString("type").orElse("");
        if (!UpdateParser.NOTIFICATIONS.contains(type)) {
            return false;
        }
        boolean take = !type.equals("account_sync") || notification.children().stream()
                .allMatch(c -> UpdateParser.ACCOUNT_SYNC.contains(c.tag()));
        queue(notification, () -> UpdateParser.notification(notification, tokens), take);
        return take;
    }

    private interface Parse {
        List<UpdateEvent> events();
    }

    private void queue(Node stanza, Parse parse, boolean ack) {
        lanes.run(laneOf(stanza), () -> {
            List<UpdateEvent> events;
            try {
                events = parse.events();
            } catch (ProtocolException | IllegalArgumentException e) {
                log.info("unreadable {} dropped: {} ({})", stanza.tag(), stanza, e.getMessage());
                events = List.of();
            }
            events.forEach(this::dispatch);
            if (ack) {
                acks.accept(ack(stanza));
            }
            return null;
        }).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("{} {} not handled{}: {}", stanza.tag(), stanza.attrs().optionalString("id").orElse(""),
                        ack ? ", left for redelivery" : "", error.toString());
            }
        });
    }

    private void dispatch(UpdateEvent event) {
        if (event instanceof UpdateEvent.PresenceChanged presence) {
            List<CompletableFuture<UpdateEvent.PresenceChanged>> waiting = presenceWaiters.get(presence.user());
            if (waiting != null) {
                new ArrayList<>(waiting).forEach(w -> w.complete(presence));
            }
        }
        for (UpdateListener listener : listeners) {
            listener.onUpdate(event);
        }
    }

    private List<UpdateEvent> pushName(Node message, String name) {
        Jid chat = message.attrs().jid("from").toNonAd();
        Jid sender = message.attrs().optionalJid("participant").orElse(chat).toNonAd();
        return pushNames.observe(chat, sender, name).<List<UpdateEvent>>map(List::of).orElse(List.of());
    }

    private static String laneOf(Node stanza) {
        String from = stanza.attrs().optionalString("from").orElse("");
        try {
            return Jid.parse(from).toNonAd().toString();
        } catch (ProtocolException e) {
            return from;
        }
    }

    /** {@code <ack class="notification" id to=from type/>}. */
    private static Node ack(Node notification) {
        return Node.builder("ack").attr("class", "notification")
                .attr("id", notification.attrs().optionalString("id").orElse(""))
                .attr("to", notification.attrs().optionalString("from").orElse(Jid.USER_SERVER.toString()))
                .optionalAttr("type", notification.attrs().optionalString("type").orElse(null)).build();
    }
}
