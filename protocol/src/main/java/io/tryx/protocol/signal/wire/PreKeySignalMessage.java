package io.tryx.protocol.signal.wire;

import com.google.protobuf.ByteString;
import io.tryx.protocol.proto.SignalProto;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.SignalKeys;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The first messages of a session ("pkmsg"): the X3DH parameters (our registration id, the one-time and
 * signed prekey ids used, our base key and identity key) around an ordinary {@link SignalMessage}.
 *
 * @param baseKey the initiator's ephemeral base key (raw 32 bytes); it names the session
 */
public record PreKeySignalMessage(int registrationId, OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey,
                                  IdentityKey identityKey, SignalMessage message, byte[] serialized) {

    public PreKeySignalMessage {
        Objects.requireNonNull(preKeyId, "preKeyId");
        baseKey = baseKey.clone();
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(message, "message");
        serialized = serialized.clone();
    }

    public static PreKeySignalMessage create(int registrationId, OptionalInt preKeyId, int signedPreKeyId,
                                             byte[] baseKey, IdentityKey identityKey, SignalMessage message) {
        var builder = SignalProto.PreKeySignalMessage.newBuilder()
                .setRegistrationId(registrationId)
                .setSignedPreKeyId(signedPreKeyId)
                .setBaseKey(ByteString.copyFrom(SignalKeys.serialize(baseKey)))
                .setIdentityKey(ByteString.copyFrom(identityKey.serialize()))
                .setMessage(ByteString.copyFrom(message.serialized()));
        preKeyId.ifPresent(builder::setPreKeyId);
        byte[] body = builder.build().toByteArray();
        byte[] out = new byte[1 + body.length];
        out[0] = WireFormat.VERSION_BYTE;
        System.arraycopy(body, 0, out, 1, body.length);
        return new PreKeySignalMessage(registrationId, preKeyId, signedPreKeyId, baseKey, identityKey, message, out);
    }

    public static PreKeySignalMessage parse(byte[] serialized) {
        WireFormat.checkVersion(serialized, "PreKeySignalMessage");
        var proto = WireFormat.parse(SignalProto.PreKeySignalMessage.parser(), serialized, 1,
                serialized.length - 1, "PreKeySignalMessage");
        int registrationId = WireFormat.uint31(proto.hasRegistrationId(), proto.getRegistrationId(), "registration id");
        OptionalInt preKeyId = proto.hasPreKeyId()
                ? OptionalInt.of(WireFormat.uint31(true, proto.getPreKeyId(), "prekey id")) : OptionalInt.empty();
        int signedPreKeyId = WireFormat.uint31(proto.hasSignedPreKeyId(), proto.getSignedPreKeyId(), "signed prekey id");
        byte[] baseKey = SignalKeys.parse(
                WireFormat.required(proto.hasBaseKey(), proto.getBaseKey(), "base key"), "base key");
        IdentityKey identity = IdentityKey.parse(
                WireFormat.required(proto.hasIdentityKey(), proto.getIdentityKey(), "identity key"));
        SignalMessage message = SignalMessage.parse(
                WireFormat.required(proto.hasMessage(), proto.getMessage(), "inner message"));
        return new PreKeySignalMessage(registrationId, preKeyId, signedPreKeyId, baseKey, identity, message, serialized);
    }

    @Override
    public byte[] baseKey() {
        return baseKey.clone();
    }

    @Override
    public byte[] serialized() {
        return serialized.clone();
    }
}
