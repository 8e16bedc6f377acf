package io.tryx.protocol.appstate;

import io.tryx.protocol.crypto.Hkdf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The 128-byte homomorphic summation hash ("WhatsApp Patch Integrity") that proves an app-state
 * collection's content: each value MAC is expanded by HKDF to 64 little-endian 16-bit words, added
 * when a value is set and subtracted when it is removed or overwritten, all modulo 2^16. The order of
 * operations does not matter, so a snapshot plus patches must land on the hash the server vouches for.
 * Immutable: every operation returns a new value.
 */
public final class LtHash {

    public static final int SIZE = 128;
    private static final byte[] INFO = "WhatsApp Patch Integrity".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final LtHash EMPTY = new LtHash(new byte[SIZE]);

    private final byte[] hash;

    private LtHash(byte[] hash) {
        this.hash = hash;
    }

    /** The hash of an empty collection (all zeros). */
    public static LtHash empty() {
        return EMPTY;
    }

    /** A hash restored from its 128 bytes. */
    public static LtHash of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("an LTHash is " + SIZE + " bytes");
        }
        return new LtHash(bytes.clone());
    }

    /** Removes the {@code removed} value MACs, then adds the {@code added} ones. */
    public LtHash subtractThenAdd(List<byte[]> removed, List<byte[]> added) {
        byte[] out = hash.clone();
        for (byte[] valueMac : removed) {
            apply(out, valueMac, -1);
        }
        for (byte[] valueMac : added) {
            apply(out, valueMac, 1);
        }
        return new LtHash(out);
    }

    public byte[] bytes() {
        return hash.clone();
    }

    private static void apply(byte[] base, byte[] valueMac, int sign) {
        byte[] expanded = Hkdf.derive(valueMac, null, INFO, SIZE);
        for (int i = 0; i < SIZE; i += 2) {
            int x = (base[i] & 0xFF) | (base[i + 1] & 0xFF) << 8;
            int y = (expanded[i] & 0xFF) | (expanded[i + 1] & 0xFF) << 8;
            int r = (x + sign * y) & 0xFFFF;
            base[i] = (byte) r;
            base[i + 1] = (byte) (r >>> 8);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LtHash other && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "LtHash[" + HexFormat.of().formatHex(hash, 0, 8) + "...]";
    }
}
