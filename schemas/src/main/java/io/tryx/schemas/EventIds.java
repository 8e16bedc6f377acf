package io.tryx.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Derives the deterministic {@code eventId} every event carries, so that the same happening observed twice (a
 * redelivered stanza, a bridge restart, a message seen live and again in a history sync) gets the same id and
 * consumers can deduplicate on it.
 *
 * <p>Rule (version 1): take the parts {@code "tryx.event.v1"}, account, chat, subject, kind token; write each as its
 * UTF-8 byte length (4 bytes, big-endian) followed by its UTF-8 bytes; hash the concatenation with SHA-256; the id is
 * the lowercase hex of the first 16 bytes (32 characters). The length prefixes keep ("ab", "c") and ("a", "bc") apart.
 * Which string is the subject for each event is stated in the {@code eventId} doc of each event record and in
 * {@code schemas/README.md}.
 */
public final class EventIds {

    /** The first part hashed; a later rule would use another tag so ids of the two rules never collide. */
    public static final String RULE_TAG = "tryx.event.v1";

    private static final int ID_BYTES = 16;

    private EventIds() {
    }

    /**
     * The event id for an event of {@code kind} in {@code chat} of {@code account} about {@code subject}.
     *
     * @param account our account's user JID (no device part)
     * @param chat the event's chat JID
     * @param subject the per-kind subject (a message id, a call id, a timestamp in epoch millis, ...)
     * @param kind the event's kind
     * @return 32 lowercase hex characters
     */
    public static String derive(String account, String chat, String subject, EventKind kind) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        MessageDigest sha256 = sha256();
        for (String part : new String[] {RULE_TAG, account, chat, subject, kind.token()}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(Arrays.copyOf(sha256.digest(), ID_BYTES));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
