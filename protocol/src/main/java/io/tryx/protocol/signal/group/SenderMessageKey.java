package io.tryx.protocol.signal.group;

import io.tryx.protocol.crypto.Hkdf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The AES-256-CBC key and IV of one group message: HKDF(seed, 32 zero bytes, "WhisperGroup") = iv 16 || key 32. */
record SenderMessageKey(byte[] iv, byte[] cipherKey) {

    private static final byte[] INFO = "WhisperGroup".getBytes(StandardCharsets.US_ASCII);

    static SenderMessageKey fromSeed(byte[] seed) {
        byte[] okm = Hkdf.derive(seed, new byte[32], INFO, 48);
        return new SenderMessageKey(Arrays.copyOfRange(okm, 0, 16), Arrays.copyOfRange(okm, 16, 48));
    }
}
