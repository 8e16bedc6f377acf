package io.tryx.protocol.client;

/**
 * Whether a session reads its socket (backpressure from messaging's inbound backlog), applied to whichever connection is
 * open: the last {@link #pause} call wins and carries over to the next connection. Takes only its own lock, never
 * while waiting for another, so callers holding other locks can use it. Thread-safe.
 */
final class ReadingControl {

    private ClientConnection live;
    private boolean paused;

    /** Stops ({@code true}) or resumes reading the open connection and the ones after it. */
    synchronized void pause(boolean value) {
        paused = value;
        if (live != null) {
            live.pauseReading(value);
        }
    }

    /** {@code open} is the session's connection now (null: none); it starts paused if reading is paused. */
    synchronized void attach(ClientConnection open) {
        live = open;
        if (open != null && paused) {
            open.pauseReading(true);
        }
    }
}
