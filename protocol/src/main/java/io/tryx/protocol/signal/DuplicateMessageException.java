package io.tryx.protocol.signal;

import io.tryx.protocol.ProtocolException;

/**
 * The message's key was already used: a replay or a redelivery of a message that was decrypted before.
 * Callers usually acknowledge and drop it. Reason {@link Reason#MALFORMED}; branch on the type.
 */
public final class DuplicateMessageException extends ProtocolException {

    public DuplicateMessageException(String message) {
        super(Reason.MALFORMED, message);
    }
}
