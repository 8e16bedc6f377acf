package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.login.DeviceSessions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Hands stanzas to devices: an online companion gets it on its connection, an offline one gets it queued
 * (bounded per device, oldest dropped at {@value #QUEUE_LIMIT}) until it logs in again and
 * {@link #flush(Jid, java.util.function.Consumer)} runs; device 0 (the mock phone) goes to the phone handler.
 * Devices are keyed by their phone-number JID ({@code phone:N@s.whatsapp.net}). Thread-safe.
 */
public final class Delivery {

    static final int QUEUE_LIMIT = 1000;

    private final DeviceSessions sessions;
    private final Map<String, Deque<Node>> queues = new ConcurrentHashMap<>();
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
        var connection = sessions.connection(device);
        if (connection.isPresent()) {
            var c = connection.get();
            c.execute(() -> c.send(stanza));
            return;
        }
        Deque<Node> queue = queues.computeIfAbsent(device.toString(), k -> new ArrayDeque<>());
        synchronized (queue) {
            if (queue.size() >= QUEUE_LIMIT) {
                queue.pollFirst();
            }
            queue.addLast(stanza);
        }
        // the device may have logged in (and flushed) between the check above and the enqueue
        sessions.connection(device).ifPresent(c -> c.execute(() -> flush(device, c::send)));
    }

    /** Sends the device's queued stanzas in order through {@code send} and empties its queue; returns how many. */
    public int flush(Jid device, java.util.function.Consumer<Node> send) {
        Deque<Node> queue = queues.remove(device.toString());
        if (queue == null) {
            return 0;
        }
        List<Node> pending;
        synchronized (queue) {
            pending = List.copyOf(queue);
        }
        pending.forEach(send);
        return pending.size();
    }

    /** How many stanzas wait for {@code device}. */
    public int queued(Jid device) {
        Deque<Node> queue = queues.get(device.toString());
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.size();
        }
    }
}
