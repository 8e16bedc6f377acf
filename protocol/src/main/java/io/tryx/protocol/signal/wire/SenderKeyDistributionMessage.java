package io.tryx.protocol.signal.wire;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.proto.SignalProto;
import io.tryx.protocol.signal.SignalKeys;

/**
 * Hands a sender key to a group member over a 1:1 session: key id, current iteration, chain key and the
 * public signing key. Wire form: version byte then protobuf (no MAC: the carrying session authenticates it).
 *
 * @param signingKey raw 32-byte public signing key (the wire carries the 33-byte form; a bare 32-byte key
 *                   is accepted too, as Baileys does)
 */
public record SenderKeyDistributionMessage(int keyId, int iteration, byte[] chainKey, byte[] signingKey,
                                           byte[] serialized) {

    public SenderKeyDistributionMessage {
        chainKey = chainKey.clone();
        signingKey = signingKey.clone();
        serialized = serialized.clone();
    }

    public static SenderKeyDistributionMessage create(int keyId, int iteration, byte[] chainKey, byte[] signingKey) {
        byte[] body = SignalProto.SenderKeyDistributionMessage.newBuilder()
                .setId(keyId).setIteration(iteration).setChainKey(ByteString.copyFrom(chainKey))
                .setSigningKey(ByteString.copyFrom(SignalKeys.serialize(signingKey)))
                .build().toByteArray();
        byte[] out = new byte[1 + body.length];
        out[0] = WireFormat.VERSION_BYTE;
        System.arraycopy(body, 0, out, 1, body.length);
        return new SenderKeyDistributionMessage(keyId, iteration, chainKey, signingKey, out);
    }

    public static SenderKeyDistributionMessage parse(byte[] serialized) {
        WireFormat.checkVersion(serialized, "SenderKeyDistributionMessage");
        var proto = WireFormat.parse(SignalProto.SenderKeyDistributionMessage.parser(), serialized, 1,
                serialized.length - 1, "SenderKeyDistributionMessage");
        int keyId = WireFormat.uint31(proto.hasId(), proto.getId(), "sender key id");
        int iteration = WireFormat.uint31(proto.hasIteration(), proto.getIteration(), "iteration");
        byte[] chainKey = WireFormat.required(proto.hasChainKey(), proto.getChainKey(), "chain key");
        if (chainKey.length != 32) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "chain key must be 32 bytes");
        }
        byte[] signing = WireFormat.required(proto.hasSigningKey(), proto.getSigningKey(), "signing key");
        byte[] signingKey = signing.length == Curve25519.KEY_LENGTH ? signing : SignalKeys.parse(signing, "signing key");
        return new SenderKeyDistributionMessage(keyId, iteration, chainKey, signingKey, serialized);
    }

    @Override
    public byte[] chainKey() {
        return chainKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] serialized() {
        return serialized.clone();
    }
}
