package io.tryx.protocol.signal;

import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;

import java.security.SecureRandom;
import java.util.Objects;

/** Our long-term identity: the key pair that signs prekeys and takes part in every X3DH agreement. */
public record IdentityKeyPair(KeyPair keyPair) {

    public IdentityKeyPair {
        Objects.requireNonNull(keyPair, "keyPair");
    }

    public static IdentityKeyPair generate(SecureRandom random) {
        return new IdentityKeyPair(Curve25519.generateKeyPair(random));
    }

    public IdentityKey publicKey() {
        return new IdentityKey(keyPair.publicKey());
    }

    public byte[] privateKey() {
        return keyPair.privateKey();
    }
}
