package io.tryx.simulator.router;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.connection.ChatConnection;

/** Handles non-IQ stanzas of one tag ({@code presence}, {@code receipt}, ...). */
@FunctionalInterface
public interface StanzaHandler {

    void handle(ChatConnection connection, Node stanza);
}
