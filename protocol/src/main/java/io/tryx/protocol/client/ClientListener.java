package io.tryx.protocol.client;

/** Receives a session's {@link ClientEvent}s in order, on the session's event executor. */
@FunctionalInterface
public interface ClientListener {

    void onEvent(ClientEvent event);
}
