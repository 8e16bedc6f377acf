package io.tryx.bridge.media;

import java.util.Objects;

/** Fetching a media URL failed; {@link #reason()} says why and {@link #status()} holds the HTTP status, if any. */
public final class MediaFetchException extends Exception {

    /** Why a fetch failed. */
    public enum Reason {
        /** The URL is not an absolute http or https URL with a host. */
        INVALID_URL,
        /**
         * The URL's host (or a redirect's) resolves to an address media may not be fetched from: loopback, a private
         * or link-local network, multicast and the like ({@link AddressPolicy#PUBLIC_ONLY}).
         */
        FORBIDDEN_ADDRESS,
        /** The server answered with a status other than 2xx (see {@link #status()}). */
        HTTP_STATUS,
        /** The file is larger than the configured limit. */
        TOO_LARGE,
        /** The server delivered no bytes. */
        EMPTY,
        /** Connecting or transferring took longer than the configured timeout. */
        TIMEOUT,
        /** The network or the temporary file failed. */
        IO
    }

    private final Reason reason;
    private final int status;

    public MediaFetchException(Reason reason, int status, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the server answered, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** True when the same fetch may succeed later (timeouts, network failures, 5xx, 408 and 429). */
    public boolean retryable() {
        return switch (reason) {
            case TIMEOUT, IO -> true;
            case HTTP_STATUS -> status >= 500 || status == 408 || status == 429;
            case INVALID_URL, FORBIDDEN_ADDRESS, TOO_LARGE, EMPTY -> false;
        };
    }
}
