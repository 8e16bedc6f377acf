package io.tryx.protocol.signal.session;

import io.tryx.protocol.signal.IdentityStatus;

import java.util.Objects;

/**
 * A decrypted 1:1 message and how the sender's identity compares with the stored one; a
 * {@link IdentityStatus.Changed} here means the peer reinstalled (or someone else holds the session).
 */
public record Decrypted(byte[] plaintext, IdentityStatus identity) {

    public Decrypted {
        plaintext = plaintext.clone();
        Objects.requireNonNull(identity, "identity");
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }
}
