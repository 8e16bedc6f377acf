package io.tryx.bridge.accounts;

import java.util.Objects;

/** An account operation refused for a reason the caller can act on; {@link #reason()} says which. */
public final class AccountException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** The bridge does not host this account. */
        UNKNOWN_ACCOUNT,
        /** The account is not connected right now. */
        NOT_CONNECTED,
        /** The account is already added (linked, or pairing). */
        CONFLICT,
        /** Pairing stopped before it started (the QR refs ran out, the connection failed). */
        PAIRING_FAILED
    }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
