package io.tryx.protocol.message;

import io.tryx.protocol.jid.Jid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;

/**
 * The participant list hash (version 2) that a message's {@code phash} and a device notification's
 * {@code device_hash} carry: {@code "2:"} and the unpadded standard base64 of the first 6 bytes of SHA-256 over
 * the device JIDs, each written {@code user.agent:device@server}, sorted as strings and concatenated. The sender
 * and the server hash the same set (every device of every recipient user plus the sender's own devices,
 * including the sending one), so a different hash tells that one of them holds a stale device list.
 */
public final class ParticipantHash {

    /** The version prefix. */
    public static final String PREFIX = "2:";

    private ParticipantHash() {
    }

    /** The hash of {@code devices} (order and duplicates do not matter). */
    public static String of(Collection<Jid> devices) {
        String joined = String.join("", devices.stream().map(ParticipantHash::written).distinct().sorted().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** A device JID as the hash writes it: always with agent and device, {@code user.agent:device@server}. */
    static String written(Jid device) {
        return device.user() + "." + device.rawAgent() + ":" + device.device() + "@" + device.server();
    }
}
