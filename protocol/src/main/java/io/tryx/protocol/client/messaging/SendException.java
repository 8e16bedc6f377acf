package io.tryx.protocol.client.messaging;

import java.util.Objects;

/** A send that did not reach the server's acceptance; {@link #reason()} says why. */
public final class SendException extends RuntimeException {

    /** Why the send failed. */
    public enum Reason {
        /** The server answered the message with an {@code ack error} ({@link #code()} holds it). */
        SERVER_ERROR,
        /** No {@code ack} arrived in time. */
        TIMEOUT,
        /** There was no connection, or it ended before the server acknowledged. */
        NOT_CONNECTED,
        /** The recipient has no device we could encrypt for (unknown user, no keys). */
        NO_DEVICES,
        /** The recipient is not a chat this client can send to (a device JID, a server, a newsletter, ...). */
        INVALID_RECIPIENT,
        /** The chat is a group this account is not (or no longer) in. */
        NOT_A_PARTICIPANT,
        /** Preparing the message failed (group metadata, device list or prekey fetch error, store failure). */
        PREPARATION_FAILED,
        /** The message acted on is not one this account knows well enough (e.g. no secret stored for it). */
        UNKNOWN_TARGET
    }

    private final Reason reason;
    private final int code;

    public SendException(Reason reason, String message) {
        this(reason, -1, message, null);
    }

    public SendException(Reason reason, int code, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** The server's error code for {@link Reason#SERVER_ERROR}, else -1. */
    public int code() {
        return code;
    }
}
