package io.tryx.protocol.store;

import java.util.Optional;

/**
 * The 32-byte message secrets of messages that others may later refer to with keys derived from it (poll
 * votes, encrypted reactions, edits of bot messages), each optionally with the original message's protobuf when
 * a modification can only be read with it (a poll's options, which votes name by their hashes). WhatsApp clients
 * put a secret on nearly every message, so secrets are kept with their message's time and pruned by it.
 */
public interface MessageSecretStore {

    Optional<StoredSecret> storedSecret(MessageRef message);

    /** Keeps the secret of {@code message}, sent or received at {@code atMillis} (what pruning goes by). */
    void storeMessageSecret(MessageRef message, byte[] secret, byte[] original, long atMillis);

    /** Forgets the secrets of messages from before {@code beforeMillis}. */
    void pruneMessageSecrets(long beforeMillis);

    default Optional<byte[]> messageSecret(MessageRef message) {
        return storedSecret(message).map(StoredSecret::secret);
    }

    default void storeMessageSecret(MessageRef message, byte[] secret, long atMillis) {
        storeMessageSecret(message, secret, new byte[0], atMillis);
    }
}
