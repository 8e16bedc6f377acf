package io.tryx.protocol.signal.wire;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.proto.SignalProto;

import java.util.Arrays;

/**
 * A group message ("skmsg"): version byte, protobuf (sender key id, iteration, ciphertext) and a 64-byte
 * XEdDSA signature by the sender's signing key over everything before it.
 */
public record SenderKeyMessage(int keyId, int iteration, byte[] ciphertext, byte[] serialized) {

    public SenderKeyMessage {
        ciphertext = ciphertext.clone();
        serialized = serialized.clone();
    }

    /** Builds and signs a message; {@code random64} feeds the XEdDSA nonce. */
    public static SenderKeyMessage create(int keyId, int iteration, byte[] ciphertext, byte[] signingPrivateKey,
                                          byte[] random64) {
        byte[] body = SignalProto.SenderKeyMessage.newBuilder()
                .setId(keyId).setIteration(iteration).setCiphertext(ByteString.copyFrom(ciphertext))
                .build().toByteArray();
        byte[] signed = new byte[1 + body.length];
        signed[0] = WireFormat.VERSION_BYTE;
        System.arraycopy(body, 0, signed, 1, body.length);
        byte[] signature = Curve25519.sign(signingPrivateKey, signed, random64);
        byte[] out = Arrays.copyOf(signed, signed.length + Curve25519.SIGNATURE_LENGTH);
        System.arraycopy(signature, 0, out, signed.length, signature.length);
        return new SenderKeyMessage(keyId, iteration, ciphertext, out);
    }

    /** Parses the wire form; the signature is checked by {@link #verifySignature}. */
    public static SenderKeyMessage parse(byte[] serialized) {
        WireFormat.checkVersion(serialized, "SenderKeyMessage");
        if (serialized.length < 1 + Curve25519.SIGNATURE_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.TRUNCATED, "SenderKeyMessage is too short");
        }
        var proto = WireFormat.parse(SignalProto.SenderKeyMessage.parser(), serialized, 1,
                serialized.length - 1 - Curve25519.SIGNATURE_LENGTH, "SenderKeyMessage");
        int keyId = WireFormat.uint31(proto.hasId(), proto.getId(), "sender key id");
        int iteration = WireFormat.uint31(proto.hasIteration(), proto.getIteration(), "iteration");
        byte[] ciphertext = WireFormat.required(proto.hasCiphertext(), proto.getCiphertext(), "ciphertext");
        return new SenderKeyMessage(keyId, iteration, ciphertext, serialized);
    }

    /** True when the trailing signature was made by the private half of {@code signingPublicKey} (raw 32 bytes). */
    public boolean verifySignature(byte[] signingPublicKey) {
        int signedLength = serialized.length - Curve25519.SIGNATURE_LENGTH;
        return Curve25519.verify(signingPublicKey, Arrays.copyOf(serialized, signedLength),
                Arrays.copyOfRange(serialized, signedLength, serialized.length));
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] serialized() {
        return serialized.clone();
    }
}
