package io.tryx.protocol.message;

import io.tryx.protocol.ProtocolException;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Version-2 random padding of serialized {@code Message} protobufs before Signal encryption.
 *
 * <p>The sender appends 1 to 16 bytes, each equal to the number of bytes appended (Baileys'
 * {@code writeRandomPadMax16}); the receiver reads the last byte and strips that many. {@link #unpad} is
 * stricter than Baileys' {@code unpadRandomMax16}: like whatsmeow it also requires every padding byte to equal
 * the pad length, and it rejects a pad length of zero.
 */
public final class MessagePadding {

    /** The largest pad this side produces. */
    public static final int MAX_PAD = 16;

    private MessagePadding() {
    }

    /** Appends 1..16 padding bytes, the length drawn from {@code random} as Baileys does (low nibble of a byte, plus one). */
    public static byte[] pad(byte[] plaintext, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        byte[] one = new byte[1];
        random.nextBytes(one);
        return pad(plaintext, (one[0] & 0x0f) + 1);
    }

    /** Appends exactly {@code padLength} (1..16) bytes each equal to {@code padLength}. */
    public static byte[] pad(byte[] plaintext, int padLength) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (padLength < 1 || padLength > MAX_PAD) {
            throw new IllegalArgumentException("pad length must be 1.." + MAX_PAD + ", got " + padLength);
        }
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + padLength);
        Arrays.fill(padded, plaintext.length, padded.length, (byte) padLength);
        return padded;
    }

    /**
     * Strips the padding.
     *
     * @throws ProtocolException {@link ProtocolException.Reason#MALFORMED} if the input is empty, the pad length
     *                           is zero or exceeds the input, or a padding byte differs from the pad length
     */
    public static byte[] unpad(byte[] padded) {
        Objects.requireNonNull(padded, "padded");
        if (padded.length == 0) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "padded message is empty");
        }
        int padLength = padded[padded.length - 1] & 0xff;
        if (padLength == 0) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "pad length is zero");
        }
        if (padLength > padded.length) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                    "pad length " + padLength + " exceeds the " + padded.length + " bytes received");
        }
        for (int i = padded.length - padLength; i < padded.length; i++) {
            if ((padded[i] & 0xff) != padLength) {
                throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                        "padding byte at " + i + " is " + (padded[i] & 0xff) + ", expected " + padLength);
            }
        }
        return Arrays.copyOf(padded, padded.length - padLength);
    }
}
