package io.tryx.protocol.login;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WhatsApp Web version a client announces (e.g. {@code 2.3000.1027934701}), usually from configuration.
 */
public record ClientVersion(int primary, int secondary, long tertiary) {

    /** A recent web version; override from configuration when WhatsApp rejects it (405). */
    public static final ClientVersion DEFAULT = new ClientVersion(2, 3000, 1027934701L);

    private static final Pattern REVISION =
            Pattern.compile("\\\\?\"client_revision\\\\?\":\\s*(\\d{1,19})");

    public ClientVersion {
        if (primary < 0 || secondary < 0 || tertiary < 0 || tertiary > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("version parts must be unsigned 32-bit values");
        }
    }

    /** Parses {@code a.b.c}. */
    public static ClientVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a client version has three parts: " + text);
        }
        try {
            return new ClientVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a client version: " + text, e);
        }
    }

    /**
     * The current web client version in WhatsApp Web's service worker script ({@code https://web.whatsapp.com/sw.js}):
     * its {@code client_revision} (quoted plainly or inside escaped JSON) as {@code 2.3000.<revision>}, the form every
     * WhatsApp Web version has had since multi-device; empty when the script carries none.
     */
    public static Optional<ClientVersion> fromServiceWorker(String script) {
        Matcher revision = REVISION.matcher(script);
        if (!revision.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClientVersion(2, 3000, Long.parseLong(revision.group(1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a revision beyond 32 bits is no version
        }
    }

    /** {@code a.b.c}, the text the build hash is computed over. */
    @Override
    public String toString() {
        return primary + "." + secondary + "." + tertiary;
    }
}
