package io.tryx.protocol.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** HMAC-SHA256 and HMAC-SHA512 over the concatenation of parts (JDK provider). */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[]... parts) {
        return compute("HmacSHA256", key, parts);
    }

    public static byte[] sha512(byte[] key, byte[]... parts) {
        return compute("HmacSHA512", key, parts);
    }

    /** A keyed HMAC-SHA256 instance for callers that MAC many messages (not thread-safe). */
    public static Mac sha256Mac(byte[] key) {
        return mac("HmacSHA256", key);
    }

    private static byte[] compute(String algorithm, byte[] key, byte[]... parts) {
        Mac mac = mac(algorithm, key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    private static Mac mac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // an empty HMAC key is legal (RFC 2104) but SecretKeySpec refuses it; a block of zeros is equivalent
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
