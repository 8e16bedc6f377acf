package io.tryx.protocol.signal;

import io.tryx.protocol.ProtocolException;

/**
 * The message lies outside the window the receiver keeps keys for: too far ahead of the chain (more
 * skipped keys than allowed) or so old that its skipped key was already evicted.
 * Reason {@link Reason#LIMIT_EXCEEDED}.
 */
public final class MessageWindowException extends ProtocolException {

    public MessageWindowException(String message) {
        super(Reason.LIMIT_EXCEEDED, message);
    }
}
