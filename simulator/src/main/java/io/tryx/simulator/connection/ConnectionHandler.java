package io.tryx.simulator.connection;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;

/** What a {@link ChatConnection} hands its traffic to once the Noise handshake is done. Called on the connection's thread. */
public interface ConnectionHandler {

    /** The client finished the handshake with this payload (registration or login). */
    void onAuthenticated(ChatConnection connection, ClientPayload payload);

    /** One decoded stanza from an authenticated client. */
    void onStanza(ChatConnection connection, Node stanza);

    /** The connection is gone (either side closed it). */
    void onClosed(ChatConnection connection);
}
