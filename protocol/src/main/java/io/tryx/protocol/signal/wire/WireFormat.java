package io.tryx.protocol.signal.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.ProtocolException;

/** Shared framing rules of the Signal wire messages: the version byte and typed protobuf parsing. */
public final class WireFormat {

    /** The only message version WhatsApp speaks. */
    public static final int CURRENT_VERSION = 3;
    /** {@code (3 << 4) | 3}: current version in the high nibble, minimum version in the low nibble. */
    public static final byte VERSION_BYTE = (byte) ((CURRENT_VERSION << 4) | CURRENT_VERSION);

    private WireFormat() {
    }

    /** Checks the leading version byte of a message, as libsignal does (high nibble 3). */
    public static void checkVersion(byte[] message, String what) {
        if (message == null || message.length == 0) {
            throw new ProtocolException(ProtocolException.Reason.TRUNCATED, what + " is empty");
        }
        int version = (message[0] & 0xFF) >> 4;
        if (version != CURRENT_VERSION) {
            throw new ProtocolException(ProtocolException.Reason.UNSUPPORTED, what + " has version " + version);
        }
    }

    /** A protobuf parse whose failure is a {@link ProtocolException}. */
    public static <T> T parse(com.google.protobuf.Parser<T> parser, byte[] bytes, int offset, int length, String what) {
        try {
            return parser.parseFrom(bytes, offset, length);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, what + " is not valid protobuf", e);
        }
    }

    /** A uint32 field as a non-negative int; values of 2^31 and above are refused. */
    public static int uint31(boolean present, int value, String what) {
        if (!present) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, what + " is absent");
        }
        if (value < 0) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED, what + " is out of range");
        }
        return value;
    }

    /** A required bytes field. */
    public static byte[] required(boolean present, com.google.protobuf.ByteString value, String what) {
        if (!present) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, what + " is absent");
        }
        return value.toByteArray();
    }
}
