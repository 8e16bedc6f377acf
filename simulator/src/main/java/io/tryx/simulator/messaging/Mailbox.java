package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.connection.ChatConnection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * One companion's undelivered stanzas: those queued while it was offline, and the {@code message} stanzas written to
 * one of its connections that it has not acknowledged yet (by a {@code receipt} or an {@code ack class="message"}),
 * keyed by message id. Each part is bounded ({@code limit}, oldest dropped). Not thread-safe: {@link Delivery}
 * guards each mailbox with its monitor.
 */
final class Mailbox {

    private record Unacked(Node stanza, ChatConnection connection) {
    }

    private final int limit;
    private final LongAdder dropped;
    private final Deque<Node> queue = new ArrayDeque<>();
    private final Map<String, Unacked> unacked = new LinkedHashMap<>();

    /** {@code dropped} counts the stanzas either part drops to stay within {@code limit}. */
    Mailbox(int limit, LongAdder dropped) {
        this.limit = limit;
        this.dropped = dropped;
    }

    void enqueue(Node stanza) {
        if (queue.size() >= limit) {
            queue.pollFirst();
            dropped.increment();
        }
        queue.addLast(stanza);
    }

    /** Remembers a stanza written to {@code connection} until the device acknowledges it, if it is a message. */
    void written(Node stanza, ChatConnection connection) {
        if (!stanza.tag().equals("message")) {
            return;
        }
        String id = stanza.attrs().optionalString("id").orElse("");
        if (id.isEmpty()) {
            return;
        }
        unacked.remove(id); // a retry answer reuses the id: it moves to the end
        if (unacked.size() >= limit) {
            Iterator<String> oldest = unacked.keySet().iterator();
            oldest.next();
            oldest.remove();
            dropped.increment();
        }
        unacked.put(id, new Unacked(stanza, connection));
    }

    /** The device acknowledged message {@code id}; true when it was waiting. */
    boolean acknowledged(String id) {
        return unacked.remove(id) != null;
    }

    /**
     * What a new login of the device on {@code connection} must get, in order: the messages written to an earlier
     * connection and never acknowledged, then the queue (which is emptied).
     */
    List<Node> takeFor(ChatConnection connection) {
        List<Node> pending = new ArrayList<>();
        unacked.values().stream().filter(u -> u.connection() != connection).map(Unacked::stanza).forEach(pending::add);
        pending.addAll(queue);
        queue.clear();
        return pending;
    }

    int queued() {
        return queue.size();
    }

    int unacked() {
        return unacked.size();
    }
}
