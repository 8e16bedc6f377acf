package io.tryx.protocol.store;

import java.util.Optional;

/**
 * The 32-byte message secrets of messages that others may later refer to with keys derived from it (poll
 * votes, encrypted reactions, edits of bot messages), each optionally with the original message's protobuf when
 * a modification can only be read with it (a poll's options, which votes name by their hashes).
 */
public interface MessageSecretStore {

    Optional<StoredSecret> storedSecret(MessageRef message);

    void storeMessageSecret(MessageRef message, byte[] secret, byte[] original);

    default Optional<byte[]> messageSecret(MessageRef message) {
        return storedSecret(message).map(StoredSecret::secret);
    }

    default void storeMessageSecret(MessageRef message, byte[] secret) {
        storeMessageSecret(message, secret, new byte[0]);
    }
}
