package io.tryx.protocol.crypto;

/** Byte-array concatenation, the building block of every MAC and KDF input in the protocol. */
public final class Bytes {

    private Bytes() {
    }

    /** The parts one after another in a new array. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
