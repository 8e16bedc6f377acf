package io.tryx.bridge.serde;

import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An Avro binary decoder over one byte array that never trusts a length it reads: a string, bytes or fixed
 * length larger than what is left, a block count that cannot fit, an over-long varint or a boolean other
 * than 0/1 fails with an {@link IOException} before anything is allocated. Avro's own {@code BinaryDecoder}
 * allocates whatever a corrupt length claims (up to gigabytes), which would take a consumer down.
 */
final class BoundedBinaryDecoder extends Decoder {

    /** Arrays and maps of zero-byte items (e.g. nulls) may count more items than bytes are left, up to this. */
    static final int ZERO_SIZE_ITEM_ALLOWANCE = 1 << 16;

    private final byte[] buf;
    private final int limit;
    private int pos;

    BoundedBinaryDecoder(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("range outside the buffer");
        }
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    /** Bytes not read yet. */
    int remaining() {
        return limit - pos;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        int b = nextByte();
        if (b > 1) {
            throw new IOException("boolean byte " + b + " is neither 0 nor 1");
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        long value = readLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IOException("int out of range: " + value);
        }
        return (int) value;
    }

    @Override
    public long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = nextByte();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("varint longer than 10 bytes");
    }

    @Override
    public float readFloat() throws IOException {
        require(4);
        int bits = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = (bits << 8) | (buf[pos + i] & 0xff);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = readLength();
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buf, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = readLength();
        String value = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return value;
    }

    @Override
    public void skipString() throws IOException {
        int length = readLength(); // read first: the length's own bytes move pos
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = readLength();
        ByteBuffer result = ByteBuffer.allocate(length);
        result.put(buf, pos, length).flip();
        pos += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        int length = readLength();
        pos += length;
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length);
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return readItemCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return readItemCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipItems();
    }

    @Override
    public long readMapStart() throws IOException {
        return readItemCount();
    }

    @Override
    public long mapNext() throws IOException {
        return readItemCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipItems();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /** A block's item count; a negative count is followed by the block's byte size, which is checked and ignored. */
    private long readItemCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw new IOException("invalid block count");
            }
            count = -count;
            long size = readLong();
            if (size < 0 || size > remaining()) {
                throw new IOException("block size " + size + " exceeds the " + remaining() + " bytes left");
            }
        }
        checkCount(count);
        return count;
    }

    /** Skips blocks that carry their byte size; returns the count of the first block the caller must skip itself. */
    private long skipItems() throws IOException {
        long count = readLong();
        while (count < 0) {
            long size = readLong();
            if (size < 0 || size > remaining()) {
                throw new IOException("block size " + size + " exceeds the " + remaining() + " bytes left");
            }
            pos += (int) size;
            count = readLong();
        }
        checkCount(count);
        return count;
    }

    private void checkCount(long count) throws IOException {
        if (count > Math.max(remaining(), ZERO_SIZE_ITEM_ALLOWANCE)) {
            throw new IOException("block of " + count + " items cannot fit in the " + remaining() + " bytes left");
        }
    }

    private int readLength() throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        if (length > remaining()) {
            throw new IOException("length " + length + " exceeds the " + remaining() + " bytes left");
        }
        return (int) length;
    }

    private int nextByte() throws IOException {
        if (pos >= limit) {
            throw new EOFException("payload ends early");
        }
        return buf[pos++] & 0xff;
    }

    private void require(int length) throws IOException {
        if (length < 0 || length > remaining()) {
            throw new EOFException("needs " + length + " bytes, " + remaining() + " left");
        }
    }
}
