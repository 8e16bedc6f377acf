package io.tryx.protocol.crypto;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where two secrets differ. */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** True when both arrays have the same length and content; time depends only on the lengths. */
    public static boolean equals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
