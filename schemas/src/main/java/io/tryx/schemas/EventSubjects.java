package io.tryx.schemas;

import io.tryx.events.v1.ReceiptEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Builds the subject part of an event id for the events whose subject is not a plain id (a message id, call id,
 * notification id): see the {@code eventId} doc of each event record. Kept here so every producer composes them alike.
 */
public final class EventSubjects {

    private EventSubjects() {
    }

    /** {@code timestamp} in epoch milliseconds as a decimal string (connection and contact events). */
    public static String at(Instant timestamp) {
        return Long.toString(timestamp.toEpochMilli());
    }

    /**
     * {@code prefix + "/" + epoch millis}: presence (prefix = the user or sender JID), chat actions (prefix = the
     * target message or label id, or empty), group snapshots the bridge made itself (prefix = {@code snapshot}).
     */
    public static String at(String prefix, Instant timestamp) {
        return Objects.requireNonNull(prefix, "prefix") + "/" + at(timestamp);
    }

    /** {@code type + "/" + sender + "/" + messageIds joined with ","} for a {@link ReceiptEvent}. */
    public static String receipt(ReceiptEvent receipt) {
        return receipt(receipt.getType().name(), receipt.getSender(), receipt.getMessageIds());
    }

    /** {@code type + "/" + sender + "/" + messageIds joined with ","}, with {@code type} the ReceiptType symbol. */
    public static String receipt(String type, String sender, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("a receipt covers at least one message");
        }
        return Objects.requireNonNull(type, "type") + "/" + Objects.requireNonNull(sender, "sender") + "/"
                + String.join(",", messageIds);
    }
}
