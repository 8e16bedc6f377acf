package io.tryx.protocol.client.media;

import java.io.IOException;
import java.util.Objects;

/**
 * A media upload or download that failed; {@link #reason()} says why, {@link #status()} holds the HTTP status when
 * a media host answered with one. It is an {@link IOException} so that it can surface from the streams of
 * {@link MediaDownloader#open}.
 */
public final class MediaException extends IOException {

    /** Why a transfer failed. */
    public enum Reason {
        /** The file's 10-byte HMAC did not verify: the blob was altered or the media key is wrong. */
        MAC_MISMATCH,
        /** The SHA-256 of the encrypted or of the plain file differs from the one the message announced. */
        HASH_MISMATCH,
        /** The plain file is not as long as the message announced, or the body is longer than it can be. */
        SIZE_MISMATCH,
        /** The encrypted file is too short or not whole AES blocks, or its padding is invalid. */
        MALFORMED,
        /** The media host answered 403, 404 or 410: the blob is gone (expired) or never existed. */
        EXPIRED,
        /** The media host answered another non-success status (see {@link #status()}). */
        HTTP_STATUS,
        /** The media host's answer to an upload could not be understood. */
        BAD_RESPONSE,
        /** The {@code media_conn} query failed or named no host. */
        MEDIA_CONN,
        /** Network or file IO failed, or the transfer timed out. */
        IO
    }

    private final Reason reason;
    private final int status;

    public MediaException(Reason reason, String message) {
        this(reason, 0, message, null);
    }

    public MediaException(Reason reason, int status, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status of the media host's answer, 0 when there was none. */
    public int status() {
        return status;
    }

    /** {@link Reason#EXPIRED} for 403, 404 and 410 (as WhatsApp clients read them), else {@link Reason#HTTP_STATUS}. */
    static MediaException forStatus(int status, String what) {
        Reason reason = status == 403 || status == 404 || status == 410 ? Reason.EXPIRED : Reason.HTTP_STATUS;
        return new MediaException(reason, status, what + " answered HTTP " + status, null);
    }
}
