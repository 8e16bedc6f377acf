package io.tryx.simulator.phone;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.SplittableRandom;

/** Where the plaintext of a media message the phone sends comes from: given bytes, or generated ones. */
public sealed interface MediaSource {

    /** The plaintext length in bytes. */
    long size();

    /** A fresh stream of the plaintext. */
    InputStream open();

    /** Bytes given by the caller (the admin request's base64 {@code data}). */
    record Data(byte[] bytes) implements MediaSource {
        public Data {
            bytes = bytes.clone();
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /**
     * {@code size} deterministic pseudo-random bytes: those {@code new java.util.SplittableRandom(seed).nextBytes}
     * gives, produced in steps so a large file never sits in memory whole.
     */
    record Generated(long size, long seed) implements MediaSource {
        public Generated {
            if (size <= 0) {
                throw new IllegalArgumentException("size must be positive");
            }
        }

        @Override
        public InputStream open() {
            return new GeneratedStream(size, seed);
        }
    }

    /** Streams {@link Generated} bytes in 64 KiB steps (a multiple of 8, so the bytes equal one big nextBytes call). */
    final class GeneratedStream extends InputStream {
        private static final int STEP = 64 * 1024;

        private final SplittableRandom random;
        private long remaining;
        private byte[] buffer = new byte[0];
        private int position;

        GeneratedStream(long size, long seed) {
            this.random = new SplittableRandom(seed);
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == buffer.length) {
                if (remaining == 0) {
                    return -1;
                }
                buffer = new byte[(int) Math.min(STEP, remaining)];
                random.nextBytes(buffer);
                remaining -= buffer.length;
                position = 0;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
