package io.tryx.protocol.media;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * {@code size} deterministic pseudo-random bytes from {@code seed}, hashed into {@code hash} as they are read: a
 * source of any size for the large-media tests that never exists whole in memory.
 */
public final class GeneratedInput extends InputStream {

    private final SplittableRandom random;
    private final MessageDigest hash;
    private long remaining;

    public GeneratedInput(long size, long seed, MessageDigest hash) {
        this.random = new SplittableRandom(seed);
        this.remaining = size;
        this.hash = hash;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(len, remaining);
        for (int i = 0; i < n; i += 8) {
            long word = random.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) {
                b[off + i + j] = (byte) (word >>> (8 * j));
            }
        }
        hash.update(b, off, n);
        remaining -= n;
        return n;
    }
}
