package io.tryx.protocol.client.calls;

/**
 * A call operation the server refused ({@code <ack class="call" error=code>}, {@code code} > 0), that it did not
 * acknowledge in time ({@code code} 0, {@link #timedOut()}), or that could not be sent ({@code code} -1: not logged
 * in, connection lost).
 */
public final class CallException extends RuntimeException {

    private final String callId;
    private final int code;

    public CallException(String callId, int code, String message) {
        super(message);
        this.callId = callId;
        this.code = code;
    }

    public String callId() {
        return callId;
    }

    /** The server's error code; 0 for a timeout, -1 when nothing reached the server. */
    public int code() {
        return code;
    }

    public boolean timedOut() {
        return code == 0;
    }
}
