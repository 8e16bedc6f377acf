package io.tryx.protocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Curve25519 key pair as 32-byte raw keys: the Montgomery u-coordinate and the clamped scalar.
 * Both arrays are copied in and out, so a key pair cannot be changed after construction.
 */
public record KeyPair(byte[] publicKey, byte[] privateKey) {

    public KeyPair {
        publicKey = Curve25519.checkKey(publicKey, "public key").clone();
        privateKey = Curve25519.checkKey(privateKey, "private key").clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPair other
                && Arrays.equals(publicKey, other.publicKey)
                && ConstantTime.equals(privateKey, other.privateKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    /** Shows the public key only; private keys never reach logs. */
    @Override
    public String toString() {
        return "KeyPair[public=" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
