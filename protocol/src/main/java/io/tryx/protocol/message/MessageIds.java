package io.tryx.protocol.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Message ids in WhatsApp Web's format: {@code 3EB0} followed by 18 uppercase hex digits (22 characters).
 *
 * <p>The hex digits are the first 9 bytes of SHA-256 over a 44-byte block laid out as Baileys'
 * {@code generateMessageIDV2} lays it out: the unix time in seconds as 8 bytes big-endian, then a 20-byte slot
 * holding {@code <own user>@c.us} in UTF-8 (zero-filled, truncated to 20 bytes; all zeros when there is no own
 * user yet), then 16 random bytes. Time and randomness are parameters, so ids are reproducible in tests.
 */
public final class MessageIds {

    /** Every WhatsApp Web message id starts with this. */
    public static final String PREFIX = "3EB0";
    /** Length of a generated id. */
    public static final int LENGTH = PREFIX.length() + 18;
    /** Number of random bytes mixed into an id. */
    public static final int RANDOM_BYTES = 16;

    private static final int USER_SLOT = 20;
    private static final String USER_SUFFIX = "@c.us";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private MessageIds() {
    }

    /**
     * Generates an id.
     *
     * @param now     the sending time (only whole seconds are used)
     * @param ownUser the user part of our own JID (e.g. {@code 15551234567}), or {@code null} before login
     * @param random  source of the 16 random bytes
     */
    public static String generate(Instant now, String ownUser, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return generate(now.getEpochSecond(), ownUser, bytes);
    }

    /**
     * Generates an id from explicit inputs.
     *
     * @param unixSeconds the sending time in unix seconds
     * @param ownUser     the user part of our own JID, or {@code null} / empty before login
     * @param random16    exactly 16 random bytes
     */
    public static String generate(long unixSeconds, String ownUser, byte[] random16) {
        Objects.requireNonNull(random16, "random16");
        if (random16.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("need " + RANDOM_BYTES + " random bytes, got " + random16.length);
        }
        if (ownUser != null && ownUser.indexOf('@') >= 0) {
            throw new IllegalArgumentException("pass the user part of the JID only, not " + ownUser);
        }
        ByteBuffer block = ByteBuffer.allocate(8 + USER_SLOT + RANDOM_BYTES);
        block.putLong(unixSeconds);
        if (ownUser != null && !ownUser.isEmpty()) {
            byte[] user = (ownUser + USER_SUFFIX).getBytes(StandardCharsets.UTF_8);
            block.put(user, 0, Math.min(user.length, USER_SLOT));
        }
        block.position(8 + USER_SLOT);
        block.put(random16);
        return PREFIX + HEX.formatHex(sha256(block.array()), 0, 9);
    }

    /**
     * An id in the same format derived from {@code seed} alone (no time, no randomness): the same seed always gives
     * the same id. Lets a caller that may repeat an operation (a command carried out again after a crash) send it
     * again under the id it had, so the recipient recognises the repeat.
     *
     * @param seed what identifies the operation, e.g. {@code <account>|<command id>}
     */
    public static String derive(String seed) {
        Objects.requireNonNull(seed, "seed");
        byte[] digest = sha256(("tryx-message-id\u0000" + seed).getBytes(StandardCharsets.UTF_8));
        byte[] random16 = java.util.Arrays.copyOf(digest, RANDOM_BYTES);
        return generate(0, null, random16);
    }

    /** Whether {@code id} has the shape of an id generated here ({@code 3EB0} + 18 uppercase hex digits). */
    public static boolean isWebFormat(String id) {
        if (id == null || id.length() != LENGTH || !id.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
