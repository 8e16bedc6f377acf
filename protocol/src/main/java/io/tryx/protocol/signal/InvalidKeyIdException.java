package io.tryx.protocol.signal;

import io.tryx.protocol.ProtocolException;

/**
 * A prekey message names a one-time or signed prekey we do not hold (already consumed or never made).
 * Reason {@link Reason#MISSING_FIELD}.
 */
public final class InvalidKeyIdException extends ProtocolException {

    public InvalidKeyIdException(String message) {
        super(Reason.MISSING_FIELD, message);
    }
}
