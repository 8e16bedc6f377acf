package io.tryx.protocol.crypto;

import io.tryx.protocol.ProtocolException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * AES-256-GCM with a 128-bit tag (JDK provider). One instance holds one key and reuses its
 * {@link Cipher}, because the Noise transport encrypts every frame with the same key; it is not
 * thread-safe. A failed tag check is a {@link ProtocolException} with reason AUTHENTICATION_FAILED.
 */
public final class AesGcm {

    public static final int TAG_LENGTH = 16;
    public static final int NONCE_LENGTH = 12;

    private final SecretKeySpec key;
    private final Cipher cipher;

    public AesGcm(byte[] key) {
        if (key == null || (key.length != 16 && key.length != 32)) {
            throw new IllegalArgumentException("AES-GCM key must be 16 or 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    /** Ciphertext followed by the 16-byte tag. */
    public byte[] encrypt(byte[] nonce, byte[] aad, byte[] plaintext) {
        return encrypt(nonce, aad, plaintext, 0, plaintext.length);
    }

    public byte[] encrypt(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            if (aad != null && aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(plaintext, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Plaintext of ciphertext-with-tag; a wrong key, nonce, AAD or any altered byte fails the tag check. */
    public byte[] decrypt(byte[] nonce, byte[] aad, byte[] ciphertext) {
        return decrypt(nonce, aad, ciphertext, 0, ciphertext.length);
    }

    public byte[] decrypt(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length) {
        if (nonce == null || nonce.length != NONCE_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                    "AES-GCM nonce must be " + NONCE_LENGTH + " bytes, got " + (nonce == null ? "none" : nonce.length));
        }
        if (length < TAG_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.TRUNCATED,
                    "AES-GCM ciphertext shorter than its tag: " + length + " bytes");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            if (aad != null && aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(ciphertext, offset, length);
        } catch (AEADBadTagException e) {
            throw new ProtocolException(ProtocolException.Reason.AUTHENTICATION_FAILED, "AES-GCM tag mismatch", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
