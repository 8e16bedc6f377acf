package io.tryx.protocol.noise;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.proto.HandshakeProto.HandshakeMessage;

/** Parsing of {@code HandshakeMessage} envelopes with the typed failures both roles share. */
final class HandshakeMessages {

    private HandshakeMessages() {
    }

    static HandshakeMessage parse(byte[] message, String expected) {
        if (message == null) {
            throw new ProtocolException(Reason.HANDSHAKE_FAILED, "no " + expected + " message");
        }
        try {
            return HandshakeMessage.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(Reason.MALFORMED, expected + " is not a valid HandshakeMessage", e);
        }
    }

    /** A field the handshake cannot do without; absence means the peer broke the protocol. */
    static byte[] required(boolean present, ByteString value, String what) {
        if (!present) {
            throw new ProtocolException(Reason.HANDSHAKE_FAILED, what + " missing");
        }
        return value.toByteArray();
    }

    /** A Curve25519 public key: exactly 32 bytes. */
    static byte[] publicKey(byte[] key, String what) {
        if (key.length != Curve25519.KEY_LENGTH) {
            throw new ProtocolException(Reason.MALFORMED, what + " is " + key.length + " bytes, expected 32");
        }
        return key;
    }

    static ProtocolException outOfOrder(String step, Enum<?> state) {
        return new ProtocolException(Reason.HANDSHAKE_FAILED, step + " not allowed in state " + state);
    }
}
