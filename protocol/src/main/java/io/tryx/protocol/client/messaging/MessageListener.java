package io.tryx.protocol.client.messaging;

/**
 * Receives {@link MessageEvent}s. Called on the messaging worker threads: in order within a chat, concurrently
 * across chats. A received message counts as handled (and is acknowledged to the server) when every listener
 * returned, so a listener that forwards events should return only once they are safely stored; if it throws,
 * the message is neither marked handled nor acknowledged and comes back on redelivery.
 */
@FunctionalInterface
public interface MessageListener {

    void onMessageEvent(MessageEvent event);
}
