package io.tryx.protocol.store;

import java.util.Optional;

/**
 * The 32-byte message secrets of messages that others may later refer to with keys derived from it (poll
 * votes, encrypted reactions, edits of bot messages).
 */
public interface MessageSecretStore {

    Optional<byte[]> messageSecret(MessageRef message);

    void storeMessageSecret(MessageRef message, byte[] secret);
}
