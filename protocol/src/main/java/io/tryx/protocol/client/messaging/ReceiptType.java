package io.tryx.protocol.client.messaging;

import java.util.Arrays;

/** The {@code type} of a {@code receipt} stanza; a delivery receipt has none. */
public enum ReceiptType {
    /** Delivered to a device (no type attribute). */
    DELIVERY(""),
    /** Delivered while the receiving client was in the background; shown like a delivery. */
    INACTIVE("inactive"),
    READ("read"),
    /** Read, with read receipts turned off: only our own devices learn it. */
    READ_SELF("read-self"),
    PLAYED("played"),
    PLAYED_SELF("played-self"),
    /** One of our own devices received our other device's message. */
    SENDER("sender"),
    /** A peer could not decrypt and asks for the message again. */
    RETRY("retry"),
    /** The server could not process the message (media re-upload requests use it too). */
    SERVER_ERROR("server-error"),
    PEER_MSG("peer_msg"),
    /** A type this client does not know. */
    OTHER("?");

    private final String wire;

    ReceiptType(String wire) {
        this.wire = wire;
    }

    /** The {@code type} attribute's value; empty for {@link #DELIVERY}. */
    public String wire() {
        return wire;
    }

    /** The type for an attribute value ({@code null} or empty: delivery). */
    public static ReceiptType fromWire(String value) {
        if (value == null || value.isEmpty()) {
            return DELIVERY;
        }
        return Arrays.stream(values()).filter(t -> t != OTHER && t.wire.equals(value)).findFirst().orElse(OTHER);
    }
}
