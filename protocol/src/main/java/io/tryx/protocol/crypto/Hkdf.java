package io.tryx.protocol.crypto;

import javax.crypto.Mac;
import java.util.Arrays;

/**
 * HKDF with HMAC-SHA256 (RFC 5869). Every WhatsApp key schedule uses it: Noise, Signal, media,
 * app state, pairing. Written on the JDK's HMAC because Java 21 has no HKDF API.
 */
public final class Hkdf {

    private static final int HASH_LENGTH = 32;
    private static final byte[] NO_INFO = new byte[0];

    private Hkdf() {
    }

    /** Extract then expand: {@code length} bytes of output keying material. A null salt means 32 zero bytes. */
    public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, inputKeyMaterial), info, length);
    }

    /** Extract then expand with a UTF-8 info string. */
    public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, String info, int length) {
        return derive(inputKeyMaterial, salt, info.getBytes(java.nio.charset.StandardCharsets.UTF_8), length);
    }

    /** The pseudorandom key: HMAC(salt, ikm). */
    public static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return Hmac.sha256(salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt, inputKeyMaterial);
    }

    /** Expands a pseudorandom key into {@code length} bytes (at most 255 blocks). */
    public static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
        byte[] infoBytes = info == null ? NO_INFO : info;
        Mac mac = Hmac.sha256Mac(pseudoRandomKey);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int offset = 0;
        for (int counter = 1; offset < length; counter++) {
            mac.update(previous);
            mac.update(infoBytes);
            mac.update((byte) counter);
            previous = mac.doFinal();
            int n = Math.min(previous.length, length - offset);
            System.arraycopy(previous, 0, out, offset, n);
            offset += n;
        }
        Arrays.fill(previous, (byte) 0);
        return out;
    }
}
