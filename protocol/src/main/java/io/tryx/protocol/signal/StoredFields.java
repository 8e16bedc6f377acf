package io.tryx.protocol.signal;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;

/**
 * Checks for fields read back from stored records: any damage becomes a {@link ProtocolException}, so a
 * corrupted record can never surface as another exception type.
 */
public final class StoredFields {

    private StoredFields() {
    }

    /** A present bytes field of exactly {@code length} bytes. */
    public static byte[] bytes(boolean present, ByteString value, int length, String what) {
        if (!present) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "stored " + what + " is absent");
        }
        if (value.size() != length) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                    "stored " + what + " must be " + length + " bytes, got " + value.size());
        }
        return value.toByteArray();
    }

    /** A present 32-byte key. */
    public static byte[] key(boolean present, ByteString value, String what) {
        return bytes(present, value, Curve25519.KEY_LENGTH, what);
    }

    /** A present uint32 that fits a non-negative int. */
    public static int count(boolean present, int value, String what) {
        if (!present) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "stored " + what + " is absent");
        }
        if (value < 0) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "stored " + what + " is out of range");
        }
        return value;
    }

    /** A key pair whose public half must match the private half. */
    public static KeyPair keyPair(byte[] publicKey, byte[] privateKey, String what) {
        KeyPair pair = Curve25519.keyPairFromPrivate(privateKey);
        if (!java.util.Arrays.equals(pair.publicKey(), publicKey)) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "stored " + what + " does not match its private key");
        }
        return pair;
    }

    /** Refuses a record version this code does not know. */
    public static void version(boolean present, int version, int expected, String what) {
        if (!present || version != expected) {
            throw new ProtocolException(ProtocolException.Reason.UNSUPPORTED,
                    "stored " + what + " version " + (present ? version : "absent") + ", expected " + expected);
        }
    }

    /** Parses a stored protobuf, mapping damage to MALFORMED. */
    public static <T> T parse(com.google.protobuf.Parser<T> parser, byte[] bytes, String what) {
        if (bytes == null) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "stored " + what + " is absent");
        }
        return io.tryx.protocol.signal.wire.WireFormat.parse(parser, bytes, 0, bytes.length, "stored " + what);
    }
}
