package io.tryx.protocol.signal.session;

import io.tryx.protocol.crypto.Hkdf;

import java.util.Arrays;

/**
 * The keys of one 1:1 message: HKDF(seed, 32 zero bytes, "WhisperMessageKeys") split into the AES-256
 * key, the HMAC key and the CBC IV.
 */
record MessageKeys(byte[] cipherKey, byte[] macKey, byte[] iv) {

    private static final byte[] INFO = "WhisperMessageKeys".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ZERO_SALT = new byte[32];

    static MessageKeys fromSeed(byte[] seed) {
        byte[] okm = Hkdf.derive(seed, ZERO_SALT, INFO, 80);
        return new MessageKeys(Arrays.copyOfRange(okm, 0, 32), Arrays.copyOfRange(okm, 32, 64),
                Arrays.copyOfRange(okm, 64, 80));
    }
}
