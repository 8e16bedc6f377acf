package io.tryx.protocol.pairing;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.AesGcm;
import io.tryx.protocol.crypto.Bytes;
import io.tryx.protocol.crypto.ConstantTime;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.Hkdf;
import io.tryx.protocol.crypto.KeyPair;

import java.util.Arrays;

/**
 * The last step of pair-code linking. The companion, holding the primary's unwrapped ephemeral key,
 * sends its identity key to the phone inside an AES-GCM "key bundle" ({@code salt(32) || iv(12) ||
 * ciphertext}) keyed by HKDF(ephemeral agreement, salt, {@code link_code_pairing_key_bundle_encryption_key}),
 * and both sides derive the new ADV secret as HKDF(ephemeral agreement || identity agreement || random,
 * info {@code adv_secret}).
 */
public final class LinkCodeBundle {

    private static final String BUNDLE_INFO = "link_code_pairing_key_bundle_encryption_key";
    private static final String ADV_INFO = "adv_secret";

    private LinkCodeBundle() {
    }

    /** What the companion sends ({@code encryptedBundle}) and keeps ({@code advSecret}). */
    public record CompanionFinish(byte[] encryptedBundle, byte[] advSecret) {
    }

    /** What the phone learns from the bundle. */
    public record PrimaryView(byte[] companionIdentityPublic, byte[] advSecret) {
    }

    /** Companion side: seal its identity and derive the ADV secret. Randomness comes from the caller. */
    public static CompanionFinish companionFinish(KeyPair companionEphemeral, byte[] primaryEphemeralPublic,
                                                  KeyPair companionIdentity, byte[] primaryIdentityPublic,
                                                  byte[] random32, byte[] salt32, byte[] iv12) {
        byte[] ephemeralShared = Curve25519.sharedSecret(companionEphemeral.privateKey(), primaryEphemeralPublic);
        byte[] bundleKey = Hkdf.derive(ephemeralShared, salt32, BUNDLE_INFO, 32);
        byte[] payload = Bytes.concat(companionIdentity.publicKey(), primaryIdentityPublic, random32);
        byte[] sealed = new AesGcm(bundleKey).encrypt(iv12, new byte[0], payload);
        byte[] identityShared = Curve25519.sharedSecret(companionIdentity.privateKey(), primaryIdentityPublic);
        byte[] advSecret = Hkdf.derive(Bytes.concat(ephemeralShared, identityShared, random32), null, ADV_INFO, 32);
        return new CompanionFinish(Bytes.concat(salt32, iv12, sealed), advSecret);
    }

    /** Phone side: open the bundle, check it names this phone's identity, derive the same ADV secret. */
    public static PrimaryView primaryOpen(KeyPair primaryEphemeral, byte[] companionEphemeralPublic,
                                          KeyPair primaryIdentity, byte[] encryptedBundle) {
        if (encryptedBundle == null || encryptedBundle.length < 32 + 12 + 96 + AesGcm.TAG_LENGTH) {
            throw new ProtocolException(Reason.TRUNCATED, "link-code key bundle too short");
        }
        byte[] salt = Arrays.copyOfRange(encryptedBundle, 0, 32);
        byte[] iv = Arrays.copyOfRange(encryptedBundle, 32, 44);
        byte[] ephemeralShared = Curve25519.sharedSecret(primaryEphemeral.privateKey(), companionEphemeralPublic);
        byte[] bundleKey = Hkdf.derive(ephemeralShared, salt, BUNDLE_INFO, 32);
        byte[] payload = new AesGcm(bundleKey).decrypt(iv, new byte[0], encryptedBundle, 44, encryptedBundle.length - 44);
        if (payload.length != 96) {
            throw new ProtocolException(Reason.MALFORMED, "link-code key bundle payload must be 96 bytes");
        }
        byte[] companionIdentity = Arrays.copyOfRange(payload, 0, 32);
        if (!ConstantTime.equals(Arrays.copyOfRange(payload, 32, 64), primaryIdentity.publicKey())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "key bundle is for another primary identity");
        }
        byte[] random = Arrays.copyOfRange(payload, 64, 96);
        byte[] identityShared = Curve25519.sharedSecret(primaryIdentity.privateKey(), companionIdentity);
        byte[] advSecret = Hkdf.derive(Bytes.concat(ephemeralShared, identityShared, random), null, ADV_INFO, 32);
        return new PrimaryView(companionIdentity, advSecret);
    }
}
