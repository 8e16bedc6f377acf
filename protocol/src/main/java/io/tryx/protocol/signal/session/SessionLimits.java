package io.tryx.protocol.signal.session;

/**
 * The bounds that keep a hostile or broken peer from growing session state without limit (the values
 * libsignal and whatsapp-rust use).
 */
public final class SessionLimits {

    /** How far ahead of a chain a message counter may be. */
    public static final int MAX_FORWARD_JUMP = 2000;
    /** Skipped message keys kept per receiving chain; the oldest are evicted first. */
    public static final int MAX_MESSAGE_KEYS = 2000;
    /** Receiving chains kept per session state; the oldest are dropped first. */
    public static final int MAX_RECEIVER_CHAINS = 5;
    /** Archived (previous) session states kept per address. */
    public static final int MAX_ARCHIVED_STATES = 40;

    private SessionLimits() {
    }
}
