package io.tryx.protocol.signal;

import io.tryx.protocol.crypto.Curve25519;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A long-term public identity key (raw 32 bytes). Equality is by content, so identity changes are
 * detected by comparing two instances.
 */
public record IdentityKey(byte[] publicKey) {

    public IdentityKey {
        if (publicKey == null || publicKey.length != Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("identity key must be 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    /** Reads the 33-byte wire form. */
    public static IdentityKey parse(byte[] serialized) {
        return new IdentityKey(SignalKeys.parse(serialized, "identity key"));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 33-byte wire form. */
    public byte[] serialize() {
        return SignalKeys.serialize(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityKey other && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "IdentityKey[" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
