package io.tryx.protocol.client.updates;

/**
 * Receives {@link UpdateEvent}s on the client's worker pool, in order per chat (or per user), different chats in
 * parallel. A listener that throws leaves a notification unacknowledged, so the server delivers it again.
 */
@FunctionalInterface
public interface UpdateListener {

    void onUpdate(UpdateEvent event);
}
