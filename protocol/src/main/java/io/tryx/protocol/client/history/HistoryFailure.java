package io.tryx.protocol.client.history;

/** Why a history chunk could not be processed. */
public enum HistoryFailure {
    /** The media host no longer has the blob (403, 404, 410). */
    EXPIRED,
    /** No media host delivered the blob (connection, status, {@code media_conn}). */
    DOWNLOAD,
    /** The blob failed its MAC, hash or length check. */
    VERIFICATION,
    /** The verified blob did not inflate, or is not a readable {@code HistorySync}. */
    MALFORMED,
    /** The notification names no blob to fetch. */
    NO_BLOB
}
