package io.tryx.protocol.binary;

import java.util.Arrays;

/** A growable byte buffer for the encoder: no boxing, amortised doubling. */
final class ByteSink {

    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    void ensure(int extra) {
        int needed = size + extra;
        if (needed < 0) {
            throw new OutOfMemoryError("node too large to encode");
        }
        if (needed > buf.length) {
            int grown = buf.length << 1;
            buf = Arrays.copyOf(buf, grown < needed || grown < 0 ? needed : grown);
        }
    }

    void write(int b) {
        if (size == buf.length) {
            ensure(1);
        }
        buf[size++] = (byte) b;
    }

    void write2(int a, int b) {
        ensure(2);
        buf[size++] = (byte) a;
        buf[size++] = (byte) b;
    }

    void writeShort(int v) {
        write2(v >>> 8, v);
    }

    void write(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, size, len);
        size += len;
    }

    /** Writes a byte without a capacity check; the caller has called {@link #ensure}. */
    void put(int b) {
        buf[size++] = (byte) b;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }
}
