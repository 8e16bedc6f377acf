package io.tryx.protocol.pairing;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.Bytes;
import io.tryx.protocol.crypto.ConstantTime;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.Hmac;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.AdvProto.ADVDeviceIdentity;
import io.tryx.protocol.proto.AdvProto.ADVEncryptionType;
import io.tryx.protocol.proto.AdvProto.ADVSignedDeviceIdentity;
import io.tryx.protocol.proto.AdvProto.ADVSignedDeviceIdentityHMAC;

/**
 * The companion's side of {@code pair-success}: check that the device identity the phone issued is
 * authenticated by the ADV secret from our QR (or pair code), that the account key signed it over our
 * identity key, and that it names a key index; then countersign it with our identity key. The result
 * is what we store and what we answer in {@code pair-device-sign}.
 */
public final class AdvCompanion {

    private AdvCompanion() {
    }

    /** A verified, countersigned device identity. */
    public record SignedIdentity(ADVSignedDeviceIdentity account, ADVDeviceIdentity details) {

        /** The bytes for {@code pair-device-sign/device-identity}: the account key left out, as clients send it. */
        public byte[] replyBytes() {
            return account.toBuilder().clearAccountSignatureKey().build().toByteArray();
        }

        public int keyIndex() {
            return details.getKeyIndex();
        }
    }

    /** Verifies the {@code device-identity} content of {@code pair-success} and countersigns it. */
    public static SignedIdentity verifyAndSign(byte[] deviceIdentityHmacBytes, byte[] advSecret, KeyPair identity) {
        ADVSignedDeviceIdentityHMAC container = parse(() -> ADVSignedDeviceIdentityHMAC.parseFrom(deviceIdentityHmacBytes));
        if (!container.hasDetails() || !container.hasHmac()) {
            throw new ProtocolException(Reason.MISSING_FIELD, "device identity container lacks details or hmac");
        }
        byte[] hmacPrefix = container.getAccountType() == ADVEncryptionType.HOSTED
                ? Adv.HOSTED_ACCOUNT_SIGNATURE_PREFIX : new byte[0];
        byte[] expected = Hmac.sha256(advSecret, hmacPrefix, container.getDetails().toByteArray());
        if (!ConstantTime.equals(expected, container.getHmac().toByteArray())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "device identity HMAC does not match the ADV secret");
        }
        ADVSignedDeviceIdentity account = parse(() -> ADVSignedDeviceIdentity.parseFrom(container.getDetails()));
        ADVDeviceIdentity details = parse(() -> ADVDeviceIdentity.parseFrom(account.getDetails()));
        if (!details.hasKeyIndex()) {
            throw new ProtocolException(Reason.MISSING_FIELD, "device identity has no key index");
        }
        byte[] accountKey = account.getAccountSignatureKey().toByteArray();
        if (accountKey.length != Curve25519.KEY_LENGTH) {
            throw new ProtocolException(Reason.MALFORMED, "account signature key must be 32 bytes");
        }
        byte[] accountPrefix = details.getDeviceType() == ADVEncryptionType.HOSTED
                ? Adv.HOSTED_ACCOUNT_SIGNATURE_PREFIX : Adv.ACCOUNT_SIGNATURE_PREFIX;
        byte[] signed = Bytes.concat(accountPrefix, account.getDetails().toByteArray(), identity.publicKey());
        if (!Curve25519.verify(accountKey, signed, account.getAccountSignature().toByteArray())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "account signature does not verify");
        }
        byte[] deviceMessage = Bytes.concat(Adv.DEVICE_SIGNATURE_PREFIX, account.getDetails().toByteArray(),
                identity.publicKey(), accountKey);
        byte[] deviceSignature = Curve25519.sign(identity.privateKey(), deviceMessage);
        ADVSignedDeviceIdentity countersigned = account.toBuilder()
                .setDeviceSignature(com.google.protobuf.ByteString.copyFrom(deviceSignature)).build();
        return new SignedIdentity(countersigned, details);
    }

    interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    static <T> T parse(Parser<T> parser) {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(Reason.MALFORMED, "invalid ADV protobuf: " + e.getMessage(), e);
        }
    }
}
