package io.tryx.protocol.store;

import java.util.Objects;

/**
 * A decrypted message kept under the hash of its ciphertext. The ratchet moves when a message is
 * decrypted, so if the process dies before the message is handled and the server redelivers it, the
 * plaintext can only come from here.
 *
 * @param ciphertextHash  SHA-256 of the ciphertext
 * @param plaintext       the decrypted bytes; null once the message was handled (the hash stays, so a
 *                        redelivery is recognised as a duplicate)
 * @param serverTimestamp the message's server timestamp, seconds
 * @param bufferedAtMillis when it was decrypted, for pruning
 */
public record BufferedPlaintext(byte[] ciphertextHash, byte[] plaintext, long serverTimestamp, long bufferedAtMillis) {

    public BufferedPlaintext {
        ciphertextHash = Objects.requireNonNull(ciphertextHash, "ciphertextHash").clone();
        plaintext = plaintext == null ? null : plaintext.clone();
    }

    @Override
    public byte[] ciphertextHash() {
        return ciphertextHash.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext == null ? null : plaintext.clone();
    }

    /** True once the message was handled and only the hash remains. */
    public boolean handled() {
        return plaintext == null;
    }
}
