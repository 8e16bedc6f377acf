package io.tryx.protocol.store;

import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.login.RegistrationKeys;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.SignedPreKeyRecord;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Everything a device needs to pair and log in: its Noise static key, Signal identity, registration id and
 * signed prekey, the ADV secret of its QR, and once paired its JID, LID and the account-signed device
 * identity. {@code nextPreKeyId} is the id of the next one-time prekey to generate. Immutable.
 *
 * @param deviceJid phone-number JID with device id; null until paired
 * @param lid       LID with device id; null until paired (or unknown)
 * @param account   the countersigned {@code ADVSignedDeviceIdentity}; null until paired
 */
public record DeviceCredentials(KeyPair noiseKey, IdentityKeyPair identity, int registrationId,
                                SignedPreKeyRecord signedPreKey, byte[] advSecret, Jid deviceJid, Jid lid,
                                byte[] account, int nextPreKeyId) {

    public DeviceCredentials {
        Objects.requireNonNull(noiseKey, "noiseKey");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
        advSecret = Objects.requireNonNull(advSecret, "advSecret").clone();
        account = account == null ? null : account.clone();
    }

    /** Fresh, unpaired credentials. */
    public static DeviceCredentials generate(SecureRandom random, long nowMillis) {
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        byte[] advSecret = new byte[32];
        random.nextBytes(advSecret);
        return new DeviceCredentials(Curve25519.generateKeyPair(random), identity,
                KeyHelper.generateRegistrationId(random), KeyHelper.generateSignedPreKey(identity, 1, nowMillis, random),
                advSecret, null, null, null, 1);
    }

    /** True once pairing stored a device JID: the client logs in instead of registering. */
    public boolean isPaired() {
        return deviceJid != null;
    }

    /** The keys the registration payload announces. */
    public RegistrationKeys registrationKeys() {
        return new RegistrationKeys(registrationId, identity, signedPreKey);
    }

    @Override
    public byte[] advSecret() {
        return advSecret.clone();
    }

    @Override
    public byte[] account() {
        return account == null ? null : account.clone();
    }

    /** These credentials after {@code pair-success}. */
    public DeviceCredentials paired(Jid jid, Jid lid, byte[] account) {
        return new DeviceCredentials(noiseKey, identity, registrationId, signedPreKey, advSecret, jid, lid, account,
                nextPreKeyId);
    }

    /** These credentials with the ADV secret a pair-code exchange derived. */
    public DeviceCredentials withAdvSecret(byte[] secret) {
        return new DeviceCredentials(noiseKey, identity, registrationId, signedPreKey, secret, deviceJid, lid, account,
                nextPreKeyId);
    }

    /** These credentials with a (new) LID. */
    public DeviceCredentials withLid(Jid newLid) {
        return new DeviceCredentials(noiseKey, identity, registrationId, signedPreKey, advSecret, deviceJid, newLid,
                account, nextPreKeyId);
    }

    /** These credentials with a new (rotated) signed prekey. */
    public DeviceCredentials withSignedPreKey(SignedPreKeyRecord rotated) {
        return new DeviceCredentials(noiseKey, identity, registrationId, rotated, advSecret, deviceJid, lid, account,
                nextPreKeyId);
    }

    /** These credentials after uploading prekeys up to (excluding) {@code next}. */
    public DeviceCredentials withNextPreKeyId(int next) {
        return new DeviceCredentials(noiseKey, identity, registrationId, signedPreKey, advSecret, deviceJid, lid,
                account, next);
    }

    @Override
    public String toString() {
        return "DeviceCredentials[jid=" + deviceJid + ", lid=" + lid + ", registrationId=" + registrationId + "]";
    }
}
