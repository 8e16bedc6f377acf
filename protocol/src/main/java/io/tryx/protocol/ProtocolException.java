package io.tryx.protocol;

import java.util.Objects;

/**
 * The one exception every decoder, verifier and state machine of the protocol core raises for bad input.
 *
 * <p>Callers branch on {@link #reason()}, never on the message text: a truncated frame, a forged
 * certificate and an oversized node are different failures with different remedies (wait for more
 * bytes, drop the connection, reject the peer). It is unchecked, like Kafka's client exceptions, so
 * that codecs compose in lambdas and streams.
 */
public class ProtocolException extends RuntimeException {

    /** Why the input was rejected. */
    public enum Reason {
        /** The input ended before a complete value could be read. */
        TRUNCATED,
        /** The bytes do not follow the format (unknown tag, bad length, trailing garbage, ...). */
        MALFORMED,
        /** A configured bound (size, depth, count) was exceeded; the input may be hostile. */
        LIMIT_EXCEEDED,
        /** A well-formed value this implementation does not support (unknown version, key type, ...). */
        UNSUPPORTED,
        /** A JID string or value is not valid. */
        INVALID_JID,
        /** An authentication tag, MAC or signature did not verify. */
        AUTHENTICATION_FAILED,
        /** The server certificate chain did not verify against the trusted root. */
        INVALID_CERTIFICATE,
        /** A handshake message arrived out of order or without its required parts. */
        HANDSHAKE_FAILED,
        /** A value that must be present is absent. */
        MISSING_FIELD,
        /** A key needed to decrypt or verify (app-state sync key, session, ...) is not available yet. */
        MISSING_KEY
    }

    private final Reason reason;

    public ProtocolException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ProtocolException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The typed cause of the rejection. */
    public Reason reason() {
        return reason;
    }
}
