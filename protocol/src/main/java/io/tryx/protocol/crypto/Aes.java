package io.tryx.protocol.crypto;

import io.tryx.protocol.ProtocolException;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * One-shot AES-CBC (PKCS#7) and AES-CTR (JDK provider). Streaming media encryption builds on
 * {@link #cbcCipher}; bad padding or a ciphertext that is not whole blocks is a {@link ProtocolException}.
 */
public final class Aes {

    public static final int BLOCK = 16;

    private Aes() {
    }

    public static byte[] cbcEncrypt(byte[] key, byte[] iv, byte[] plaintext) {
        try {
            return cbcCipher(Cipher.ENCRYPT_MODE, key, iv).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC encryption failed", e);
        }
    }

    public static byte[] cbcDecrypt(byte[] key, byte[] iv, byte[] ciphertext) {
        if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                    "AES-CBC ciphertext is not whole blocks: " + ciphertext.length + " bytes");
        }
        try {
            return cbcCipher(Cipher.DECRYPT_MODE, key, iv).doFinal(ciphertext);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "AES-CBC padding is invalid", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC decryption failed", e);
        }
    }

    /** An initialised AES/CBC/PKCS5Padding cipher for streaming use. */
    public static Cipher cbcCipher(int mode, byte[] key, byte[] iv) {
        return init("AES/CBC/PKCS5Padding", mode, key, iv);
    }

    /** AES-CTR is its own inverse: the same call encrypts and decrypts. */
    public static byte[] ctr(byte[] key, byte[] iv, byte[] input) {
        try {
            return init("AES/CTR/NoPadding", Cipher.ENCRYPT_MODE, key, iv).doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    private static Cipher init(String transformation, int mode, byte[] key, byte[] iv) {
        if (iv == null || iv.length != BLOCK) {
            throw new IllegalArgumentException("AES IV must be 16 bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(transformation + " rejected the key or IV", e);
        }
    }
}
