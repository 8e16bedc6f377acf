package io.tryx.protocol.transport;

import io.tryx.protocol.binary.Node;

/**
 * Receives a connection's inbound nodes, in order, on the connection's event loop. Implementations
 * must not block: hand slow work to another executor. An exception thrown here is logged and the
 * connection continues.
 */
public interface NodeListener {

    /** One decrypted, decoded inbound node. */
    void onNode(Node node);

    /**
     * The connection ended, once: {@code cause} is null after a local {@link NodeConnection#close()},
     * otherwise the typed reason.
     */
    default void onClosed(TransportException cause) {
    }
}
