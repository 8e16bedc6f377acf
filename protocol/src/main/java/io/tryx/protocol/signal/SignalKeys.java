package io.tryx.protocol.signal;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;

/**
 * Signal's serialized public key: a type byte {@code 0x05} (Curve25519) before the 32-byte key.
 * The crypto layer works on raw keys; this class converts at the wire and storage boundary.
 */
public final class SignalKeys {

    /** The key type byte of a Curve25519 public key. */
    public static final byte DJB_TYPE = 0x05;
    /** Length of a serialized public key. */
    public static final int SERIALIZED_LENGTH = 33;

    private SignalKeys() {
    }

    /** The 33-byte form of a raw 32-byte public key. */
    public static byte[] serialize(byte[] rawPublicKey) {
        if (rawPublicKey == null || rawPublicKey.length != Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("raw public key must be 32 bytes");
        }
        byte[] out = new byte[SERIALIZED_LENGTH];
        out[0] = DJB_TYPE;
        System.arraycopy(rawPublicKey, 0, out, 1, Curve25519.KEY_LENGTH);
        return out;
    }

    /** The raw key of a 33-byte serialized key; anything else is a typed error. */
    public static byte[] parse(byte[] serialized, String what) {
        if (serialized == null) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, what + " is absent");
        }
        if (serialized.length != SERIALIZED_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                    what + " must be 33 bytes, got " + serialized.length);
        }
        if (serialized[0] != DJB_TYPE) {
            throw new ProtocolException(ProtocolException.Reason.UNSUPPORTED,
                    what + " has key type " + (serialized[0] & 0xFF));
        }
        byte[] raw = new byte[Curve25519.KEY_LENGTH];
        System.arraycopy(serialized, 1, raw, 0, Curve25519.KEY_LENGTH);
        return raw;
    }
}
