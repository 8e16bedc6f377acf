package io.tryx.protocol.signal;

import io.tryx.protocol.crypto.Curve25519;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Key material for a new device: registration ids, one-time prekeys with 24-bit ids that wrap from
 * {@value #MAX_PRE_KEY_ID} back to 1, and signed prekeys.
 */
public final class KeyHelper {

    /** The largest prekey id; ids are 24-bit and 0 is never used. */
    public static final int MAX_PRE_KEY_ID = 0xFFFFFF;
    private static final int MAX_REGISTRATION_ID = 16380;

    private KeyHelper() {
    }

    /** A registration id in 1..16380, as libsignal makes them. */
    public static int generateRegistrationId(SecureRandom random) {
        return 1 + random.nextInt(MAX_REGISTRATION_ID);
    }

    /** The id after {@code id}, wrapping to 1 after {@value #MAX_PRE_KEY_ID}. */
    public static int nextPreKeyId(int id) {
        checkPreKeyId(id);
        return id == MAX_PRE_KEY_ID ? 1 : id + 1;
    }

    /** {@code count} fresh one-time prekeys with consecutive (wrapping) ids from {@code startId}. */
    public static List<PreKeyRecord> generatePreKeys(int startId, int count, SecureRandom random) {
        if (count < 0 || count > MAX_PRE_KEY_ID) {
            throw new IllegalArgumentException("prekey count out of range: " + count);
        }
        List<PreKeyRecord> keys = new ArrayList<>(count);
        int id = startId;
        for (int i = 0; i < count; i++) {
            keys.add(new PreKeyRecord(id, Curve25519.generateKeyPair(random)));
            id = nextPreKeyId(id);
        }
        return List.copyOf(keys);
    }

    /** A signed prekey: the identity key signs the 33-byte serialized public key. */
    public static SignedPreKeyRecord generateSignedPreKey(IdentityKeyPair identity, int id, long timestampMillis,
                                                          SecureRandom random) {
        var keyPair = Curve25519.generateKeyPair(random);
        byte[] noise = new byte[64];
        random.nextBytes(noise);
        byte[] signature = Curve25519.sign(identity.privateKey(), SignalKeys.serialize(keyPair.publicKey()), noise);
        return new SignedPreKeyRecord(id, keyPair, signature, timestampMillis);
    }

    /** True when the bundle's signed prekey carries a valid signature by its identity key. */
    public static boolean verifySignedPreKey(IdentityKey identity, byte[] signedPreKeyPublic, byte[] signature) {
        return Curve25519.verify(identity.publicKey(), SignalKeys.serialize(signedPreKeyPublic), signature);
    }

    static void checkPreKeyId(int id) {
        if (id < 1 || id > MAX_PRE_KEY_ID) {
            throw new IllegalArgumentException("prekey id must be in 1.." + MAX_PRE_KEY_ID + ": " + id);
        }
    }
}
