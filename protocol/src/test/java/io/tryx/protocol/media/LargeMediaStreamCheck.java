package io.tryx.protocol.media;

import io.tryx.protocol.crypto.Digests;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Child-JVM program for {@link LargeMediaStreamingTest}: streams N pseudo-random bytes through the
 * encryptor straight into the decryptor (nothing is held whole) and prints the SHA-256 of what went in
 * and what came out. Run under a small -Xmx it shows that memory stays bounded for any size.
 */
public final class LargeMediaStreamCheck {

    public static void main(String[] args) throws IOException {
        long size = Long.parseLong(args[0]);
        byte[] mediaKey = new byte[32];
        new SplittableRandom(3).nextBytes(mediaKey);
        MessageDigest source = Digests.sha256();
        MessageDigest sink = Digests.sha256();
        MessageDigest encrypted = Digests.sha256();
        MediaDecryptor decryptor = MediaDecryptor.start(mediaKey, MediaType.VIDEO, null, null);

        OutputStream decrypting = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                encrypted.update(b, off, len);
                sink.update(decryptor.update(b, off, len));
            }
        };
        EncryptedMedia media = MediaEncryptor.encrypt(new GeneratedInput(size, 7L, source), decrypting,
                MediaEncryptor.start(mediaKey, MediaType.VIDEO));
        sink.update(decryptor.finish());

        byte[] in = source.digest();
        byte[] out = sink.digest();
        System.out.println("in=" + HexFormat.of().formatHex(in));
        System.out.println("out=" + HexFormat.of().formatHex(out));
        System.out.println("length=" + decryptor.plainLength());
        System.out.println("hashesAgree=" + (Arrays.equals(in, media.fileSha256())
                && Arrays.equals(encrypted.digest(), media.fileEncSha256())));
        System.out.println("sidecarPieces=" + media.streamingSidecar().length / 10);
    }
}
