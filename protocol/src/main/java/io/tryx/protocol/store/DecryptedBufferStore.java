package io.tryx.protocol.store;

import java.util.Optional;

/** Decrypted messages by ciphertext hash until they are handled; see {@link BufferedPlaintext}. */
public interface DecryptedBufferStore {

    Optional<BufferedPlaintext> bufferedPlaintext(byte[] ciphertextHash);

    /** Stores (or replaces) an entry; committed together with the ratchet step that produced it. */
    void bufferPlaintext(BufferedPlaintext entry);

    /** Drops the plaintext of a handled message, keeping its hash. */
    void markHandled(byte[] ciphertextHash);

    /** Forgets entries buffered before {@code beforeMillis}. */
    void pruneBuffer(long beforeMillis);
}
