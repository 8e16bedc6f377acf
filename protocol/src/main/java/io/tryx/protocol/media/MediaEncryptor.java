package io.tryx.protocol.media;

import io.tryx.protocol.crypto.Aes;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.crypto.Hmac;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Encrypts media for upload in constant memory: AES-256-CBC (PKCS#7) under the expanded media key,
 * then the first 10 bytes of HMAC-SHA256(iv || ciphertext) appended. Feed plaintext in any chunking
 * with {@link #update}; {@link #finish} returns the last bytes and the {@link EncryptedMedia} summary.
 * One instance encrypts one file and is not thread-safe.
 */
public final class MediaEncryptor {

    static final int MAC_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] mediaKey;
    private final Cipher cipher;
    private final Mac mac;
    private final MessageDigest plainHash = Digests.sha256();
    private final MessageDigest encryptedHash = Digests.sha256();
    private final StreamingSidecar sidecar;
    private long plainLength;
    private long encryptedLength;
    private EncryptedMedia result;

    private MediaEncryptor(byte[] mediaKey, MediaType type) {
        this.mediaKey = mediaKey.clone();
        MediaKeys keys = MediaKeys.expand(mediaKey, type);
        this.cipher = Aes.cbcCipher(Cipher.ENCRYPT_MODE, keys.cipherKey(), keys.iv());
        this.mac = Hmac.sha256Mac(keys.macKey());
        mac.update(keys.iv());
        this.sidecar = type.streamable() ? new StreamingSidecar(keys.macKey()) : null;
        if (sidecar != null) {
            sidecar.update(keys.iv(), 0, keys.iv().length);
        }
    }

    /** Starts encrypting with a fresh random media key. */
    public static MediaEncryptor start(MediaType type) {
        byte[] key = new byte[MediaKeys.MEDIA_KEY_LENGTH];
        RANDOM.nextBytes(key);
        return new MediaEncryptor(key, type);
    }

    /** Starts encrypting with the given media key (re-uploads, tests). */
    public static MediaEncryptor start(byte[] mediaKey, MediaType type) {
        return new MediaEncryptor(mediaKey, type);
    }

    /** Encrypts a whole stream to {@code out} and returns the summary; reads and writes in 64 KiB steps. */
    public static EncryptedMedia encrypt(InputStream in, OutputStream out, MediaEncryptor encryptor) throws IOException {
        byte[] buffer = new byte[StreamingSidecar.PIECE];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(encryptor.update(buffer, 0, n));
        }
        out.write(encryptor.finish());
        return encryptor.result();
    }

    /** Encrypts the next plaintext bytes and returns the ciphertext produced so far (possibly empty). */
    public byte[] update(byte[] plaintext, int offset, int length) {
        if (result != null) {
            throw new IllegalStateException("encryption already finished");
        }
        plainHash.update(plaintext, offset, length);
        plainLength += length;
        byte[] ciphertext = cipher.update(plaintext, offset, length);
        return consume(ciphertext == null ? new byte[0] : ciphertext);
    }

    /** Ends the file: the last cipher block followed by the 10-byte MAC. */
    public byte[] finish() {
        if (result != null) {
            throw new IllegalStateException("encryption already finished");
        }
        byte[] last;
        try {
            last = cipher.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC final block failed", e);
        }
        consume(last);
        byte[] tag = java.util.Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
        encryptedHash.update(tag);
        encryptedLength += tag.length;
        byte[] out = new byte[last.length + tag.length];
        System.arraycopy(last, 0, out, 0, last.length);
        System.arraycopy(tag, 0, out, last.length, tag.length);
        result = new EncryptedMedia(mediaKey.clone(), plainHash.digest(), encryptedHash.digest(), plainLength,
                encryptedLength, sidecar == null ? new byte[0] : sidecar.finish());
        return out;
    }

    /** The summary, available after {@link #finish}. */
    public EncryptedMedia result() {
        if (result == null) {
            throw new IllegalStateException("encryption not finished");
        }
        return result;
    }

    private byte[] consume(byte[] ciphertext) {
        mac.update(ciphertext);
        encryptedHash.update(ciphertext);
        encryptedLength += ciphertext.length;
        if (sidecar != null) {
            sidecar.update(ciphertext, 0, ciphertext.length);
        }
        return ciphertext;
    }
}
