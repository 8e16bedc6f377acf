package io.tryx.protocol.signal.session;

import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.Hkdf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The asymmetric ratchet: a root key and a Diffie-Hellman output give the next root key and a chain. */
final class RootKey {

    private static final byte[] RATCHET_INFO = "WhisperRatchet".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_INFO = "WhisperText".getBytes(StandardCharsets.US_ASCII);

    private RootKey() {
    }

    /** Root and chain key after agreeing {@code ourPrivate} with {@code theirPublic}: HKDF(dh, rootKey, "WhisperRatchet"). */
    static Step step(byte[] rootKey, byte[] theirPublic, byte[] ourPrivate) {
        byte[] okm = Hkdf.derive(Curve25519.sharedSecret(ourPrivate, theirPublic), rootKey, RATCHET_INFO, 64);
        return new Step(Arrays.copyOfRange(okm, 0, 32), new ChainKey(0, Arrays.copyOfRange(okm, 32, 64)));
    }

    /** Root and chain key of the X3DH master secret: HKDF(secret, 32 zero bytes, "WhisperText"). */
    static Step fromMasterSecret(byte[] secret) {
        byte[] okm = Hkdf.derive(secret, new byte[32], TEXT_INFO, 64);
        return new Step(Arrays.copyOfRange(okm, 0, 32), new ChainKey(0, Arrays.copyOfRange(okm, 32, 64)));
    }

    /** A new root key and the chain it produced. */
    record Step(byte[] rootKey, ChainKey chainKey) {
    }
}
