package io.tryx.protocol.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, SHA-512 and MD5 from the JDK, with the impossible checked exception removed. */
public final class Digests {

    private Digests() {
    }

    public static MessageDigest sha256() {
        return get("SHA-256");
    }

    public static MessageDigest sha512() {
        return get("SHA-512");
    }

    /** MD5 is only used where WhatsApp requires it (the build hash of the client version). */
    public static MessageDigest md5() {
        return get("MD5");
    }

    /** SHA-256 over the concatenation of the parts. */
    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = sha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest get(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }
}
