package io.tryx.protocol.client.polls;

import java.util.Objects;

/** A poll operation refused before anything was sent; {@link #reason()} says why. */
public final class PollException extends RuntimeException {

    /** Why the poll operation was refused. */
    public enum Reason {
        /** The account has no secret for the poll (it never sent or received it, or it was forgotten). */
        UNKNOWN_POLL,
        /** A selected option is not one of the poll's options. */
        UNKNOWN_OPTION,
        /** More options selected than the poll allows. */
        TOO_MANY_OPTIONS
    }

    private final Reason reason;

    public PollException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
