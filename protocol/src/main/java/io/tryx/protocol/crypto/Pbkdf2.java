package io.tryx.protocol.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2-HMAC-SHA256 over a byte password. BouncyCastle's generator is used because the JDK's
 * {@code PBEKeySpec} only takes {@code char[]} passwords and fixes how they become bytes.
 */
public final class Pbkdf2 {

    private Pbkdf2() {
    }

    public static byte[] sha256(byte[] password, byte[] salt, int iterations, int length) {
        if (iterations < 1 || length < 1) {
            throw new IllegalArgumentException("PBKDF2 needs iterations >= 1 and length >= 1");
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }
}
