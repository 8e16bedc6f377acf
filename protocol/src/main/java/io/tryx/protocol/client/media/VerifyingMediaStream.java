package io.tryx.protocol.client.media;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.ConstantTime;
import io.tryx.protocol.media.MediaDecryptor;

import java.io.IOException;
import java.io.InputStream;

/**
 * The plaintext of a media download as it is decrypted, 64 KiB of ciphertext at a time, so memory stays constant
 * whatever the file's size. At the end of the body it verifies the MAC, then the encrypted and plain hashes and the
 * length the message announced; a failed check is thrown as {@link MediaException} from the last {@code read}, so
 * the bytes are trustworthy only once a read returned -1. Not thread-safe.
 */
final class VerifyingMediaStream extends InputStream {

    private static final int CHUNK = 64 * 1024;

    private final InputStream body;
    private final MediaRef ref;
    private final MediaDecryptor decryptor;
    private final long maxEncrypted;
    private final byte[] buffer = new byte[CHUNK];
    private byte[] pending = new byte[0];
    private int position;
    private long encryptedRead;
    private boolean verified;
    private MediaException failure;

    VerifyingMediaStream(InputStream body, MediaRef ref) {
        this.body = body;
        this.ref = ref;
        this.decryptor = MediaDecryptor.start(ref.mediaKey(), ref.type(), null, null);
        this.maxEncrypted = ref.maxEncryptedLength();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (position == pending.length) {
            if (verified) {
                return -1;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                fill();
            } catch (MediaException e) {
                failure = e;
                throw e;
            }
        }
        int n = Math.min(len, pending.length - position);
        System.arraycopy(pending, position, b, off, n);
        position += n;
        return n;
    }

    private void fill() throws IOException {
        int n;
        try {
            n = body.read(buffer);
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.IO, 0, "download interrupted: " + e.getMessage(), e);
        }
        position = 0;
        if (n == -1) {
            pending = verify();
            verified = true;
            return;
        }
        encryptedRead += n;
        if (maxEncrypted >= 0 && encryptedRead > maxEncrypted) {
            throw new MediaException(MediaException.Reason.SIZE_MISMATCH, "the download is longer than "
                    + maxEncrypted + " bytes, the most a file of " + ref.fileLength() + " bytes encrypts to");
        }
        pending = decryptor.update(buffer, 0, n);
    }

    private byte[] verify() throws MediaException {
        byte[] last;
        try {
            last = decryptor.finish();
        } catch (ProtocolException e) {
            MediaException.Reason reason = e.reason() == ProtocolException.Reason.AUTHENTICATION_FAILED
                    ? MediaException.Reason.MAC_MISMATCH : MediaException.Reason.MALFORMED;
            throw new MediaException(reason, 0, e.getMessage(), e);
        }
        byte[] encHash = ref.fileEncSha256();
        if (encHash != null && !ConstantTime.equals(encHash, decryptor.fileEncSha256())) {
            throw new MediaException(MediaException.Reason.HASH_MISMATCH, "fileEncSha256 of the download differs from the message's");
        }
        byte[] plainHash = ref.fileSha256();
        if (plainHash != null && !ConstantTime.equals(plainHash, decryptor.fileSha256())) {
            throw new MediaException(MediaException.Reason.HASH_MISMATCH, "fileSha256 of the plain file differs from the message's");
        }
        if (ref.fileLength() >= 0 && decryptor.plainLength() != ref.fileLength()) {
            throw new MediaException(MediaException.Reason.SIZE_MISMATCH, "the plain file has " + decryptor.plainLength()
                    + " bytes, the message announced " + ref.fileLength());
        }
        return last;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
