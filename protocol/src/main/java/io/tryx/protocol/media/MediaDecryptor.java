package io.tryx.protocol.media;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.Aes;
import io.tryx.protocol.crypto.ConstantTime;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.crypto.Hmac;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Decrypts a downloaded media file in constant memory and proves it genuine: the trailing 10-byte MAC
 * over {@code iv || ciphertext}, and when the message gave them, SHA-256 of the encrypted and of the
 * plain file. Plaintext is handed out as it is decrypted; it is trustworthy only once {@link #finish}
 * returns, which throws {@link ProtocolException} (AUTHENTICATION_FAILED, MALFORMED, TRUNCATED) when
 * any check fails. One instance decrypts one file and is not thread-safe.
 */
public final class MediaDecryptor {

    private static final int MAC_LENGTH = MediaEncryptor.MAC_LENGTH;

    private final Cipher cipher;
    private final Mac mac;
    private final MessageDigest plainHash = Digests.sha256();
    private final MessageDigest encryptedHash = Digests.sha256();
    private final byte[] expectedFileSha256;
    private final byte[] expectedFileEncSha256;
    private final byte[] tail = new byte[MAC_LENGTH];
    private int tailLength;
    private long ciphertextLength;
    private long plainLength;
    private boolean finished;
    private byte[] plainDigest;
    private byte[] encryptedDigest;

    private MediaDecryptor(byte[] mediaKey, MediaType type, byte[] fileSha256, byte[] fileEncSha256) {
        MediaKeys keys = MediaKeys.expand(mediaKey, type);
        this.cipher = Aes.cbcCipher(Cipher.DECRYPT_MODE, keys.cipherKey(), keys.iv());
        this.mac = Hmac.sha256Mac(keys.macKey());
        mac.update(keys.iv());
        this.expectedFileSha256 = fileSha256 == null ? null : fileSha256.clone();
        this.expectedFileEncSha256 = fileEncSha256 == null ? null : fileEncSha256.clone();
    }

    /**
     * Starts decrypting. {@code fileSha256} and {@code fileEncSha256} are the hashes the message
     * announced; pass null for a hash the message did not carry.
     */
    public static MediaDecryptor start(byte[] mediaKey, MediaType type, byte[] fileSha256, byte[] fileEncSha256) {
        return new MediaDecryptor(mediaKey, type, fileSha256, fileEncSha256);
    }

    /** Decrypts a whole stream to {@code out}, then runs every check; returns the plain length. */
    public static long decrypt(InputStream in, OutputStream out, MediaDecryptor decryptor) throws IOException {
        byte[] buffer = new byte[StreamingSidecar.PIECE];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(decryptor.update(buffer, 0, n));
        }
        out.write(decryptor.finish());
        return decryptor.plainLength;
    }

    /** Feeds the next encrypted bytes and returns the plaintext decrypted so far (possibly empty). */
    public byte[] update(byte[] encrypted, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("decryption already finished");
        }
        encryptedHash.update(encrypted, offset, length);
        // the last MAC_LENGTH bytes seen may be the MAC: keep them back until more data proves otherwise
        int total = tailLength + length;
        if (total <= MAC_LENGTH) {
            System.arraycopy(encrypted, offset, tail, tailLength, length);
            tailLength = total;
            return new byte[0];
        }
        int release = total - MAC_LENGTH;
        byte[] out = new byte[0];
        int fromTail = Math.min(release, tailLength);
        if (fromTail > 0) {
            out = decryptPart(tail, 0, fromTail);
            System.arraycopy(tail, fromTail, tail, 0, tailLength - fromTail);
            tailLength -= fromTail;
        }
        int fromInput = release - fromTail;
        if (fromInput > 0) {
            out = concat(out, decryptPart(encrypted, offset, fromInput));
        }
        System.arraycopy(encrypted, offset + fromInput, tail, tailLength, length - fromInput);
        tailLength += length - fromInput;
        return out;
    }

    /** Verifies the MAC and hashes and returns the last plaintext bytes. */
    public byte[] finish() {
        if (finished) {
            throw new IllegalStateException("decryption already finished");
        }
        finished = true;
        if (tailLength < MAC_LENGTH || ciphertextLength == 0) {
            throw new ProtocolException(Reason.TRUNCATED, "media file too short: " + (ciphertextLength + tailLength) + " bytes");
        }
        if (ciphertextLength % Aes.BLOCK != 0) {
            throw new ProtocolException(Reason.MALFORMED, "media ciphertext is not whole AES blocks");
        }
        byte[] expectedMac = Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
        if (!ConstantTime.equals(expectedMac, tail)) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "media MAC mismatch");
        }
        encryptedDigest = encryptedHash.digest();
        if (expectedFileEncSha256 != null && !ConstantTime.equals(expectedFileEncSha256, encryptedDigest)) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "fileEncSha256 mismatch");
        }
        byte[] last;
        try {
            last = cipher.doFinal();
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new ProtocolException(Reason.MALFORMED, "media padding is invalid", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC final block failed", e);
        }
        plainHash.update(last);
        plainLength += last.length;
        plainDigest = plainHash.digest();
        if (expectedFileSha256 != null && !ConstantTime.equals(expectedFileSha256, plainDigest)) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "fileSha256 mismatch");
        }
        return last;
    }

    /** SHA-256 of the whole encrypted file (MAC included), known once {@link #finish} verified the MAC. */
    public byte[] fileEncSha256() {
        if (encryptedDigest == null) {
            throw new IllegalStateException("the MAC is not verified yet");
        }
        return encryptedDigest.clone();
    }

    /** SHA-256 of the plain file, known once {@link #finish} returned. */
    public byte[] fileSha256() {
        if (plainDigest == null) {
            throw new IllegalStateException("decryption not finished");
        }
        return plainDigest.clone();
    }

    /** Plain bytes produced so far. */
    public long plainLength() {
        return plainLength;
    }

    private byte[] decryptPart(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
        ciphertextLength += length;
        byte[] plain = cipher.update(data, offset, length);
        if (plain == null) {
            return new byte[0];
        }
        plainHash.update(plain);
        plainLength += plain.length;
        return plain;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
