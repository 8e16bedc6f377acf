package io.tryx.protocol.signal.wire;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.ConstantTime;
import io.tryx.protocol.crypto.Hmac;
import io.tryx.protocol.proto.SignalProto;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.SignalKeys;

import java.util.Arrays;

/**
 * A Double Ratchet message ("msg"): version byte, protobuf (ratchet key, counter, previous counter,
 * ciphertext) and an 8-byte MAC. The MAC is HMAC-SHA256 under the message's MAC key over the sender's
 * and receiver's 33-byte identity keys, the version byte and the protobuf.
 *
 * @param ratchetKey      the sender's current ratchet public key (raw 32 bytes)
 * @param previousCounter the sender's last counter on its previous chain, an unsigned 32-bit value
 * @param serialized the complete wire form
 */
public record SignalMessage(byte[] ratchetKey, int counter, int previousCounter, byte[] ciphertext,
                            byte[] serialized) {

    /** Length of the truncated MAC. */
    public static final int MAC_LENGTH = 8;

    public SignalMessage {
        ratchetKey = ratchetKey.clone();
        ciphertext = ciphertext.clone();
        serialized = serialized.clone();
    }

    /** Builds and MACs a message. */
    public static SignalMessage create(byte[] macKey, byte[] ratchetKey, int counter, int previousCounter,
                                       byte[] ciphertext, IdentityKey sender, IdentityKey receiver) {
        byte[] body = SignalProto.SignalMessage.newBuilder()
                .setRatchetKey(ByteString.copyFrom(SignalKeys.serialize(ratchetKey)))
                .setCounter(counter)
                .setPreviousCounter(previousCounter)
                .setCiphertext(ByteString.copyFrom(ciphertext))
                .build().toByteArray();
        byte[] out = new byte[1 + body.length + MAC_LENGTH];
        out[0] = WireFormat.VERSION_BYTE;
        System.arraycopy(body, 0, out, 1, body.length);
        byte[] mac = mac(macKey, sender, receiver, out, 1 + body.length);
        System.arraycopy(mac, 0, out, 1 + body.length, MAC_LENGTH);
        return new SignalMessage(ratchetKey, counter, previousCounter, ciphertext, out);
    }

    /** Parses the wire form; the MAC is checked later, once the message key is known. */
    public static SignalMessage parse(byte[] serialized) {
        WireFormat.checkVersion(serialized, "SignalMessage");
        if (serialized.length < 1 + MAC_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.TRUNCATED, "SignalMessage is too short");
        }
        var proto = WireFormat.parse(SignalProto.SignalMessage.parser(), serialized, 1,
                serialized.length - 1 - MAC_LENGTH, "SignalMessage");
        byte[] ratchetKey = SignalKeys.parse(
                WireFormat.required(proto.hasRatchetKey(), proto.getRatchetKey(), "ratchet key"), "ratchet key");
        int counter = WireFormat.uint31(proto.hasCounter(), proto.getCounter(), "counter");
        // informational only (the receiver keeps old chains live); libsignal-node may send -1 as 2^32-1
        int previousCounter = proto.getPreviousCounter();
        byte[] ciphertext = WireFormat.required(proto.hasCiphertext(), proto.getCiphertext(), "ciphertext");
        return new SignalMessage(ratchetKey, counter, previousCounter, ciphertext, serialized);
    }

    /** True when the trailing MAC matches, computed with sender and receiver identity as given. */
    public boolean verifyMac(byte[] macKey, IdentityKey sender, IdentityKey receiver) {
        int bodyEnd = serialized.length - MAC_LENGTH;
        byte[] expected = Arrays.copyOf(mac(macKey, sender, receiver, serialized, bodyEnd), MAC_LENGTH);
        return ConstantTime.equals(expected, Arrays.copyOfRange(serialized, bodyEnd, serialized.length));
    }

    private static byte[] mac(byte[] macKey, IdentityKey sender, IdentityKey receiver, byte[] message, int length) {
        return Hmac.sha256(macKey, sender.serialize(), receiver.serialize(), Arrays.copyOf(message, length));
    }

    @Override
    public byte[] ratchetKey() {
        return ratchetKey.clone();
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
