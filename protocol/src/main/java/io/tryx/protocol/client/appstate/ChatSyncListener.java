package io.tryx.protocol.client.appstate;

/**
 * Receives {@link ChatSyncEvent}s of one account, in the order they were applied, on a worker thread. A listener
 * that throws is logged and skipped; the state is already stored.
 */
@FunctionalInterface
public interface ChatSyncListener {

    void onChatSync(ChatSyncEvent event);
}
