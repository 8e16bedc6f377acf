package io.tryx.protocol.signal;

import io.tryx.protocol.crypto.KeyPair;

import java.util.Objects;

/**
 * The medium-term signed prekey: its key pair, the XEdDSA signature of the identity key over the
 * 33-byte serialized public key, and when it was made (epoch millis, passed in by the caller).
 */
public record SignedPreKeyRecord(int id, KeyPair keyPair, byte[] signature, long timestampMillis) {

    public SignedPreKeyRecord {
        KeyHelper.checkPreKeyId(id);
        Objects.requireNonNull(keyPair, "keyPair");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
