package io.tryx.protocol.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

import java.math.BigInteger;

/**
 * The minimum of edwards25519 arithmetic that XEdDSA signing needs: base-point multiplication by an
 * arbitrary (already clamped) scalar and point encoding.
 *
 * <p>BouncyCastle's Ed25519 only multiplies by scalars it derives from a seed, so it cannot sign with a
 * Curve25519 key; its field arithmetic ({@link X25519Field}, constant time) is public, and this class
 * builds the group law on it: extended coordinates, the unified (complete) addition law for a = -1, and a
 * fixed-base comb (64 signed radix-16 digits, precomputed multiples, constant-time selection).
 */
final class Edwards25519 {

    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** Order of the prime-order subgroup. */
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private static final int[] D2 = field(new BigInteger("-121665").multiply(new BigInteger("121666").modInverse(P))
            .multiply(BigInteger.TWO).mod(P));
    private static final int[] BASE_X = field(new BigInteger(
            "15112221349535400772501151409588531511454012693041857206046113283949847762202"));
    private static final int[] BASE_Y = field(new BigInteger(
            "46316835694926478169428394003475163141307993866256225615783033603165251855960"));

    private Edwards25519() {
    }

    /** Multiples j·16^i·B for i < 64, j <= 8: one table lookup and one addition per scalar nibble. */
    private static final Point[][] BASE_TABLE = precomputeBaseTable();

    /**
     * Encodes {@code scalar · B} (scalar as 32 little-endian bytes, below 2^255) in the standard 32-byte
     * point encoding. The scalar is recoded into 64 signed radix-16 digits; each digit selects its
     * multiple from the table by a constant-time scan and is conditionally negated, so timing does not
     * depend on the scalar.
     */
    static byte[] scalarMultBaseEncoded(byte[] scalar) {
        int[] digits = signedRadix16(scalar);
        Point acc = Point.identity();
        Point selected = new Point();
        Scratch s = new Scratch();
        for (int i = 0; i < 64; i++) {
            int d = digits[i];
            int negative = d >>> 31;
            int magnitude = (d ^ -negative) + negative;
            selected.setIdentity();
            Point[] row = BASE_TABLE[i];
            for (int j = 1; j <= 8; j++) {
                int mask = ((magnitude ^ j) - 1) >> 31;
                selected.cmov(mask, row[j]);
            }
            X25519Field.cnegate(negative, selected.x);
            X25519Field.cnegate(negative, selected.t);
            add(acc, selected, acc, s);
        }
        return encode(acc);
    }

    private static int[] signedRadix16(byte[] scalar) {
        int[] e = new int[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = scalar[i] & 15;
            e[2 * i + 1] = (scalar[i] >>> 4) & 15;
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            e[i] += carry;
            carry = (e[i] + 8) >> 4;
            e[i] -= carry << 4;
        }
        e[63] += carry;
        return e;
    }

    private static Point[][] precomputeBaseTable() {
        Scratch s = new Scratch();
        Point[][] table = new Point[64][9];
        Point base = new Point();
        X25519Field.copy(BASE_X, 0, base.x, 0);
        X25519Field.copy(BASE_Y, 0, base.y, 0);
        X25519Field.one(base.z);
        X25519Field.mul(BASE_X, BASE_Y, base.t);
        for (int i = 0; i < 64; i++) {
            table[i][0] = Point.identity();
            table[i][1] = base.copy();
            for (int j = 2; j <= 8; j++) {
                Point next = new Point();
                add(table[i][j - 1], base, next, s);
                table[i][j] = next;
            }
            for (int k = 0; k < 4; k++) {
                add(base, base, base, s);
            }
        }
        return table;
    }

    /** {@code (r + h·a) mod L} for 32-byte little-endian r and a, 64-byte little-endian h. */
    static byte[] mulAddModL(byte[] h, byte[] a, byte[] r) {
        BigInteger result = littleEndian(h).multiply(littleEndian(a)).add(littleEndian(r)).mod(L);
        return toLittleEndian32(result);
    }

    /** Reduces a 64-byte little-endian value mod L into 32 little-endian bytes. */
    static byte[] reduce(byte[] wide) {
        return toLittleEndian32(littleEndian(wide).mod(L));
    }

    /** Maps a Montgomery u-coordinate to the Edwards y-coordinate: y = (u - 1) / (u + 1), sign bit clear. */
    static byte[] montgomeryToEdwardsY(byte[] u) {
        int[] uf = X25519Field.create();
        byte[] masked = u.clone();
        masked[31] &= 0x7F;
        X25519Field.decode(masked, 0, uf);
        int[] num = X25519Field.create();
        int[] den = X25519Field.create();
        X25519Field.copy(uf, 0, num, 0);
        X25519Field.subOne(num);
        X25519Field.copy(uf, 0, den, 0);
        X25519Field.addOne(den);
        X25519Field.carry(num);
        X25519Field.carry(den);
        X25519Field.inv(den, den);
        int[] y = X25519Field.create();
        X25519Field.mul(num, den, y);
        X25519Field.normalize(y);
        byte[] out = new byte[32];
        X25519Field.encode(y, out, 0);
        return out;
    }

    private static void add(Point p, Point q, Point out, Scratch s) {
        // unified addition for a = -1 (Hisil-Wong-Carter-Dawson), complete on edwards25519
        X25519Field.sub(p.y, p.x, s.a);
        X25519Field.sub(q.y, q.x, s.b);
        X25519Field.carry(s.a);
        X25519Field.carry(s.b);
        X25519Field.mul(s.a, s.b, s.a);
        X25519Field.add(p.y, p.x, s.b);
        X25519Field.add(q.y, q.x, s.c);
        X25519Field.carry(s.b);
        X25519Field.carry(s.c);
        X25519Field.mul(s.b, s.c, s.b);
        X25519Field.mul(p.t, q.t, s.c);
        X25519Field.mul(s.c, D2, s.c);
        X25519Field.mul(p.z, q.z, s.d);
        X25519Field.add(s.d, s.d, s.d);
        X25519Field.carry(s.d);
        X25519Field.sub(s.b, s.a, s.e);
        X25519Field.sub(s.d, s.c, s.f);
        X25519Field.add(s.d, s.c, s.g);
        X25519Field.add(s.b, s.a, s.h);
        X25519Field.carry(s.e);
        X25519Field.carry(s.f);
        X25519Field.carry(s.g);
        X25519Field.carry(s.h);
        X25519Field.mul(s.e, s.f, out.x);
        X25519Field.mul(s.g, s.h, out.y);
        X25519Field.mul(s.e, s.h, out.t);
        X25519Field.mul(s.f, s.g, out.z);
    }

    private static byte[] encode(Point p) {
        int[] zInv = X25519Field.create();
        X25519Field.inv(p.z, zInv);
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        X25519Field.mul(p.x, zInv, x);
        X25519Field.mul(p.y, zInv, y);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        byte[] xBytes = new byte[32];
        byte[] out = new byte[32];
        X25519Field.encode(x, xBytes, 0);
        X25519Field.encode(y, out, 0);
        out[31] |= (byte) ((xBytes[0] & 1) << 7);
        return out;
    }

    private static int[] field(BigInteger value) {
        int[] f = X25519Field.create();
        X25519Field.decode(toLittleEndian32(value.mod(P)), 0, f);
        return f;
    }

    static BigInteger littleEndian(byte[] bytes) {
        byte[] be = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            be[bytes.length - i] = bytes[i];
        }
        return new BigInteger(be);
    }

    static byte[] toLittleEndian32(BigInteger value) {
        byte[] be = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < be.length && i < 33; i++) {
            int target = be.length - 1 - i;
            if (i < 32) {
                out[i] = be[target];
            }
        }
        return out;
    }

    private static final class Point {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] t = X25519Field.create();

        static Point identity() {
            Point p = new Point();
            p.setIdentity();
            return p;
        }

        void setIdentity() {
            X25519Field.zero(x);
            X25519Field.one(y);
            X25519Field.one(z);
            X25519Field.zero(t);
        }

        Point copy() {
            Point p = new Point();
            X25519Field.copy(x, 0, p.x, 0);
            X25519Field.copy(y, 0, p.y, 0);
            X25519Field.copy(z, 0, p.z, 0);
            X25519Field.copy(t, 0, p.t, 0);
            return p;
        }

        /** Replaces this point by {@code other} when {@code mask} is -1, keeps it when 0 (constant time). */
        void cmov(int mask, Point other) {
            X25519Field.cmov(mask, other.x, 0, x, 0);
            X25519Field.cmov(mask, other.y, 0, y, 0);
            X25519Field.cmov(mask, other.z, 0, z, 0);
            X25519Field.cmov(mask, other.t, 0, t, 0);
        }
    }

    private static final class Scratch {
        final int[] a = X25519Field.create();
        final int[] b = X25519Field.create();
        final int[] c = X25519Field.create();
        final int[] d = X25519Field.create();
        final int[] e = X25519Field.create();
        final int[] f = X25519Field.create();
        final int[] g = X25519Field.create();
        final int[] h = X25519Field.create();
    }
}
