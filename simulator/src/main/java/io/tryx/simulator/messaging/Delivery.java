package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.login.DeviceSessions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Hands stanzas to devices: an online companion gets it on its connection, an offline one gets it queued
 * (bounded per device, oldest dropped at {@value #QUEUE_LIMIT}) until it logs in again and
 * {@link #flush(Jid, ChatConnection)} runs (announced by an offline preview); device 0 (the mock phone) goes to the phone handler.
 * As the real server does, a {@code message} stays pending after it was written until the device acknowledges it
 * ({@link #acknowledged(Jid, Node)}: a {@code receipt} or an {@code ack class="message"} naming its id); one that
 * was not acknowledged when its connection ended (a client killed between reading and handling it) is sent again
 * on the device's next login, before the queue. Devices are keyed by their phone-number JID
 * ({@code phone:N@s.whatsapp.net}). Thread-safe.
 */
public final class Delivery {

    static final int QUEUE_LIMIT = 1000;

    private final DeviceSessions sessions;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private volatile BiConsumer<Jid, Node> phone = (jid, node) -> { };

    public Delivery(DeviceSessions sessions) {
        this.sessions = sessions;
    }

    /** Where stanzas for device 0 go (the mock phone); called with the phone's JID and the stanza. */
    public void phone(BiConsumer<Jid, Node> handler) {
        this.phone = handler;
    }

    /** Delivers to {@code device} (phone-number JID with device), now or when it comes back. */
    public void deliver(Jid device, Node stanza) {
        if (device.device() == 0) {
            phone.accept(device, stanza);
            return;
        }
        Mailbox mailbox = mailbox(device);
        synchronized (mailbox) {
            // looked up under the mailbox's monitor: a login's flush cannot run between the lookup and the enqueue
            var connection = sessions.connection(device);
            if (connection.isPresent()) {
                ChatConnection c = connection.get();
                mailbox.written(stanza, c);
                c.execute(() -> c.send(stanza));
            } else {
                mailbox.enqueue(stanza);
            }
        }
    }

    /**
     * Sends what waits for {@code device}, which just logged in on {@code connection} (call it on the connection's
     * thread, after {@link DeviceSessions#loggedIn}): when anything waits, first the offline preview as the real
     * server announces it ({@code <ib><offline_preview count message notification receipt appdata/></ib>}), then the
     * messages an earlier connection never acknowledged, then the queue, in order. Returns how many stanzas (the
     * caller ends with {@code <ib><offline count/></ib>}).
     */
    public int flush(Jid device, ChatConnection connection) {
        Mailbox mailbox = mailboxes.get(device.toString());
        if (mailbox == null) {
            return 0;
        }
        synchronized (mailbox) {
            List<Node> pending = mailbox.takeFor(connection);
            if (!pending.isEmpty()) {
                connection.send(preview(pending));
            }
            for (Node stanza : pending) {
                mailbox.written(stanza, connection);
                connection.send(stanza);
            }
            return pending.size();
        }
    }

    /**
     * Takes note of what {@code device} sends: a {@code receipt} (its {@code id} and {@code list/item} ids) or an
     * {@code ack class="message"} acknowledges the messages it names, which are then no longer sent again.
     */
    public void acknowledged(Jid device, Node stanza) {
        boolean receipt = stanza.tag().equals("receipt");
        boolean messageAck = stanza.tag().equals("ack")
                && stanza.attrs().optionalString("class").filter("message"::equals).isPresent();
        if (!receipt && !messageAck) {
            return;
        }
        Mailbox mailbox = mailboxes.get(device.toString());
        if (mailbox == null) {
            return;
        }
        synchronized (mailbox) {
            stanza.attrs().optionalString("id").ifPresent(mailbox::acknowledged);
            if (receipt) {
                stanza.child("list").ifPresent(list -> list.children("item").forEach(item ->
                        item.attrs().optionalString("id").ifPresent(mailbox::acknowledged)));
            }
        }
    }

    private static Node preview(List<Node> pending) {
        Map<String, Long> byTag = pending.stream().collect(Collectors.groupingBy(Node::tag, Collectors.counting()));
        return Node.builder("ib").children(Node.builder("offline_preview")
                .attr("count", pending.size())
                .attr("message", byTag.getOrDefault("message", 0L))
                .attr("notification", byTag.getOrDefault("notification", 0L))
                .attr("receipt", byTag.getOrDefault("receipt", 0L))
                .attr("appdata", 0)
                .build()).build();
    }

    /** How many stanzas wait in {@code device}'s offline queue. */
    public int queued(Jid device) {
        Mailbox mailbox = mailboxes.get(device.toString());
        if (mailbox == null) {
            return 0;
        }
        synchronized (mailbox) {
            return mailbox.queued();
        }
    }

    /** How many messages were written to {@code device} and not acknowledged yet. */
    public int unacknowledged(Jid device) {
        Mailbox mailbox = mailboxes.get(device.toString());
        if (mailbox == null) {
            return 0;
        }
        synchronized (mailbox) {
            return mailbox.unacked();
        }
    }

    /** How many stanzas were dropped from full offline queues or unacknowledged windows, over all devices. */
    public long dropped() {
        return dropped.sum();
    }

    private Mailbox mailbox(Jid device) {
        return mailboxes.computeIfAbsent(device.toString(), k -> new Mailbox(QUEUE_LIMIT, dropped));
    }
}
