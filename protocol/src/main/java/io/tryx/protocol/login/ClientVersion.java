package io.tryx.protocol.login;

/**
 * The WhatsApp Web version a client announces (e.g. {@code 2.3000.1027934701}), usually from configuration.
 */
public record ClientVersion(int primary, int secondary, long tertiary) {

    /** A recent web version; override from configuration when WhatsApp rejects it (405). */
    public static final ClientVersion DEFAULT = new ClientVersion(2, 3000, 1027934701L);

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

    /** {@code a.b.c}, the text the build hash is computed over. */
    @Override
    public String toString() {
        return primary + "." + secondary + "." + tertiary;
    }
}
