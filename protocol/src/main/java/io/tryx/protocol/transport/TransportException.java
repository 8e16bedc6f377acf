package io.tryx.protocol.transport;

import io.tryx.protocol.ProtocolException;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a connection could not be established or ended. Callers branch on {@link #reason()} (and
 * {@link #closeCode()} for {@link Reason#CLOSED_BY_PEER}), never on the message text. Unchecked, like
 * {@link ProtocolException}, so it composes in {@code CompletableFuture} pipelines.
 */
public final class TransportException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** TCP connect, proxy negotiation or the WebSocket upgrade failed. */
        CONNECT_FAILED,
        /** The TLS handshake failed (untrusted certificate, hostname mismatch, protocol error). */
        TLS_FAILED,
        /** The Noise handshake failed; the cause is the {@link ProtocolException} (e.g. INVALID_CERTIFICATE). */
        HANDSHAKE_FAILED,
        /** The peer sent bytes that break the protocol after the handshake (garbage frame, bad node, text message). */
        PROTOCOL_ERROR,
        /** The peer sent a WebSocket close frame; see {@link #closeCode()}. */
        CLOSED_BY_PEER,
        /** The connection dropped without a close frame. */
        CONNECTION_LOST,
        /** Connecting or the handshakes took longer than configured. */
        TIMEOUT,
        /** The peer stopped answering keepalive pings. */
        KEEPALIVE_TIMEOUT,
        /** Too many outbound bytes are queued; the caller must slow down. */
        OUTBOUND_FULL,
        /** The connection was already closed (locally or by an earlier failure). */
        CLOSED
    }

    /** Close code value when no WebSocket close frame was involved. */
    public static final int NO_CLOSE_CODE = -1;

    private final Reason reason;
    private final int closeCode;

    public TransportException(Reason reason, String message) {
        this(reason, message, null, NO_CLOSE_CODE);
    }

    public TransportException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, NO_CLOSE_CODE);
    }

    public TransportException(Reason reason, String message, Throwable cause, int closeCode) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.closeCode = closeCode;
    }

    /** The typed reason. */
    public Reason reason() {
        return reason;
    }

    /** The WebSocket close status code the peer sent, or {@link #NO_CLOSE_CODE}. */
    public int closeCode() {
        return closeCode;
    }

    /** The core's typed reason when a {@link ProtocolException} caused this failure. */
    public Optional<ProtocolException.Reason> protocolReason() {
        return getCause() instanceof ProtocolException p ? Optional.of(p.reason()) : Optional.empty();
    }
}
