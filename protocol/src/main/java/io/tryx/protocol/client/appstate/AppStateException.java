package io.tryx.protocol.client.appstate;

/** An app-state operation that could not be done; callers branch on {@link #reason()}. */
public final class AppStateException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** No app-state sync key has arrived from the phone yet, so nothing can be encrypted. */
        NO_SYNC_KEY,
        /** The server refused the request ({@link #code()} is its error code). */
        REJECTED,
        /** The server's answer does not fit the request (a version other than the one the patch was built for, ...). */
        OUT_OF_STEP,
        /** A snapshot blob could not be downloaded. */
        DOWNLOAD_FAILED
    }

    private final Reason reason;
    private final int code;

    public AppStateException(Reason reason, String message) {
        this(reason, 0, message);
    }

    public AppStateException(Reason reason, int code, String message) {
        super(reason + ": " + message);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** The server's error code for {@link Reason#REJECTED}, else 0. */
    public int code() {
        return code;
    }
}
