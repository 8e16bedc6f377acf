package io.tryx.protocol.signal;

import io.tryx.protocol.ProtocolException;

/**
 * There is no session (or sender key) that could handle the message: nothing stored for the address,
 * or a group sender key id we never received. The remedy is a retry receipt or a new prekey bundle.
 * Reason {@link Reason#MISSING_FIELD}.
 */
public final class NoSessionException extends ProtocolException {

    public NoSessionException(String message) {
        super(Reason.MISSING_FIELD, message);
    }
}
