package io.tryx.protocol.client.history;

/**
 * Receives history sync events, one chunk at a time and in order, on the thread that processes the chunk (a
 * messaging worker). Returning means the event is handled; throwing stops the chunk and leaves its notification
 * unacknowledged, so the phone's message comes back and the chunk is processed again (events carry stable ids).
 */
@FunctionalInterface
public interface HistoryListener {

    void onHistoryEvent(HistorySyncEvent event);
}
