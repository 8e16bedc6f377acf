package io.tryx.protocol.pairing;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.Bytes;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.Hmac;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.AdvProto.ADVDeviceIdentity;
import io.tryx.protocol.proto.AdvProto.ADVEncryptionType;
import io.tryx.protocol.proto.AdvProto.ADVSignedDeviceIdentity;
import io.tryx.protocol.proto.AdvProto.ADVSignedDeviceIdentityHMAC;

/**
 * The primary phone's side of linking (what our simulator's mock phone does): issue a companion's
 * device identity signed by the account key and authenticated with the ADV secret the companion
 * showed, and later check the companion's countersignature from {@code pair-device-sign}.
 */
public final class AdvPrimary {

    private AdvPrimary() {
    }

    /** The {@code device-identity} content of {@code pair-success} for one companion. */
    public static byte[] issue(KeyPair account, byte[] companionIdentityPublic, byte[] advSecret,
                               int rawId, long timestampSeconds, int keyIndex) {
        byte[] details = ADVDeviceIdentity.newBuilder()
                .setRawId(rawId).setTimestamp(timestampSeconds).setKeyIndex(keyIndex)
                .setAccountType(ADVEncryptionType.E2EE).setDeviceType(ADVEncryptionType.E2EE)
                .build().toByteArray();
        byte[] signature = Curve25519.sign(account.privateKey(),
                Bytes.concat(Adv.ACCOUNT_SIGNATURE_PREFIX, details, companionIdentityPublic));
        byte[] signedIdentity = ADVSignedDeviceIdentity.newBuilder()
                .setDetails(ByteString.copyFrom(details))
                .setAccountSignatureKey(ByteString.copyFrom(account.publicKey()))
                .setAccountSignature(ByteString.copyFrom(signature))
                .build().toByteArray();
        return ADVSignedDeviceIdentityHMAC.newBuilder()
                .setDetails(ByteString.copyFrom(signedIdentity))
                .setHmac(ByteString.copyFrom(Hmac.sha256(advSecret, signedIdentity)))
                .setAccountType(ADVEncryptionType.E2EE)
                .build().toByteArray();
    }

    /** Checks a companion's {@code pair-device-sign} identity against the account key and its identity key. */
    public static ADVDeviceIdentity verifyCountersigned(byte[] signedIdentityBytes, byte[] accountPublic,
                                                        byte[] companionIdentityPublic) {
        ADVSignedDeviceIdentity signed = AdvCompanion.parse(() -> ADVSignedDeviceIdentity.parseFrom(signedIdentityBytes));
        byte[] details = signed.getDetails().toByteArray();
        if (!Curve25519.verify(accountPublic, Bytes.concat(Adv.ACCOUNT_SIGNATURE_PREFIX, details, companionIdentityPublic),
                signed.getAccountSignature().toByteArray())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "account signature does not verify");
        }
        if (!Curve25519.verify(companionIdentityPublic,
                Bytes.concat(Adv.DEVICE_SIGNATURE_PREFIX, details, companionIdentityPublic, accountPublic),
                signed.getDeviceSignature().toByteArray())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "device signature does not verify");
        }
        return AdvCompanion.parse(() -> ADVDeviceIdentity.parseFrom(details));
    }
}
