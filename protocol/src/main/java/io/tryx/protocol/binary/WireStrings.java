package io.tryx.protocol.binary;

import io.tryx.protocol.jid.JidServer;

/**
 * Writes strings in the representation Baileys 7.0.0-rc14 chooses, so that both encoders produce the same
 * bytes: the empty string as {@code BINARY_8 0}; then a token; then nibble-packed; then hex-packed
 * (upper-case only); then, for a string containing {@code '@'}, a JID; else raw UTF-8.
 *
 * <p>Intended differences, all for strings Baileys cannot carry faithfully (its bytes decode to another
 * string):
 * <ul>
 *   <li>A JID-shaped string is written as Baileys' JID only when that JID decodes back to the same string.
 *       Baileys loses a {@code _agent} part, a device of {@code 0}, above 255, non-canonical or on a server
 *       other than {@code s.whatsapp.net}, {@code lid}, {@code hosted}, {@code hosted.lid}, and everything after a
 *       second {@code ':'}; it also writes {@code user@} (empty server) which no decoder accepts. For those we use
 *       whatsmeow's {@code FB_JID} ({@code user:device@msgr}) or {@code INTEROP_JID}
 *       ({@code integrator-user:device@interop}) forms, which Baileys decodes to the same string, or raw text.</li>
 *   <li>Baileys looks tokens up in a plain object, so names of {@code Object.prototype} members such as
 *       {@code constructor} or {@code __proto__} become the byte 0 (the empty string); we write them raw.</li>
 *   <li>JIDs nested deeper than {@link NodeLimits#MAX_JID_NESTING} ({@code a@b@c@...}) are written raw.</li>
 * </ul>
 * Lone surrogates are written as U+FFFD, as Node's UTF-8 encoder does.
 */
final class WireStrings {

    /** How a string goes on the wire. */
    enum Kind { TOKEN, NIBBLE, HEX, JID, RAW }

    private WireStrings() {
    }

    /** The representation {@link #write} uses for {@code s} at the top level. */
    static Kind kindOf(String s) {
        if (s.isEmpty()) {
            return Kind.RAW;
        }
        if (Tokens.lookup(s) != Tokens.NONE) {
            return Kind.TOKEN;
        }
        int packed = packedTag(s);
        if (packed == WireTags.NIBBLE_8) {
            return Kind.NIBBLE;
        }
        if (packed == WireTags.HEX_8) {
            return Kind.HEX;
        }
        if (s.indexOf('@') >= 0) {
            ByteSink scratch = new ByteSink(s.length() + 8);
            if (writeJid(scratch, s, 0)) {
                return Kind.JID;
            }
        }
        return Kind.RAW;
    }

    static void write(ByteSink out, String s, int jidDepth) {
        if (s.isEmpty()) {
            out.write2(WireTags.BINARY_8, 0);
            return;
        }
        int token = Tokens.lookup(s);
        if (token != Tokens.NONE) {
            if ((token & Tokens.DOUBLE) != 0) {
                out.write2(WireTags.DICTIONARY_0 + ((token >> 8) & 0xff), token & 0xff);
            } else {
                out.write(token);
            }
            return;
        }
        int packed = packedTag(s);
        if (packed != 0) {
            writePacked(out, s, packed);
            return;
        }
        if (jidDepth < NodeLimits.MAX_JID_NESTING && s.indexOf('@') >= 0 && writeJid(out, s, jidDepth)) {
            return;
        }
        writeRaw(out, s);
    }

    /** {@link WireTags#NIBBLE_8}, {@link WireTags#HEX_8}, or 0 if the string cannot be packed. */
    private static int packedTag(String s) {
        int n = s.length();
        if (n > WireTags.PACKED_MAX) {
            return 0;
        }
        boolean nibble = true;
        boolean hex = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (c != '-' && c != '.') {
                nibble = false;
            }
            if (c < 'A' || c > 'F') {
                hex = false;
            }
            if (!nibble && !hex) {
                return 0;
            }
        }
        return nibble ? WireTags.NIBBLE_8 : WireTags.HEX_8;
    }

    private static void writePacked(ByteSink out, String s, int tag) {
        int n = s.length();
        int bytes = (n + 1) / 2;
        out.ensure(2 + bytes);
        out.put(tag);
        out.put((n & 1) != 0 ? bytes | 0x80 : bytes);
        boolean nibble = tag == WireTags.NIBBLE_8;
        for (int i = 0; i + 1 < n; i += 2) {
            out.put(pack(s.charAt(i), nibble) << 4 | pack(s.charAt(i + 1), nibble));
        }
        if ((n & 1) != 0) {
            out.put(pack(s.charAt(n - 1), nibble) << 4 | 0x0f);
        }
    }

    private static int pack(char c, boolean nibble) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (nibble) {
            return c == '-' ? 10 : 11;
        }
        return 10 + c - 'A';
    }

    /** Writes a byte-length header: BINARY_8, BINARY_20 or BINARY_32 by size, as both peers do. */
    static void writeLength(ByteSink out, int length) {
        if (length < 256) {
            out.write2(WireTags.BINARY_8, length);
        } else if (length < 1 << 20) {
            out.ensure(4);
            out.put(WireTags.BINARY_20);
            out.put((length >>> 16) & 0x0f);
            out.put(length >>> 8);
            out.put(length);
        } else {
            out.ensure(5);
            out.put(WireTags.BINARY_32);
            out.put(length >>> 24);
            out.put(length >>> 16);
            out.put(length >>> 8);
            out.put(length);
        }
    }

    static void writeRaw(ByteSink out, String s) {
        int n = s.length();
        int utf8 = utf8Length(s);
        writeLength(out, utf8);
        out.ensure(utf8);
        if (utf8 == n) {
            for (int i = 0; i < n; i++) {
                out.put(s.charAt(i));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.put(c);
            } else if (c < 0x800) {
                out.put(0xc0 | c >> 6);
                out.put(0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put(0xf0 | cp >> 18);
                out.put(0x80 | ((cp >> 12) & 0x3f));
                out.put(0x80 | ((cp >> 6) & 0x3f));
                out.put(0x80 | (cp & 0x3f));
            } else {
                int cp = Character.isSurrogate(c) ? 0xfffd : c;
                out.put(0xe0 | cp >> 12);
                out.put(0x80 | ((cp >> 6) & 0x3f));
                out.put(0x80 | (cp & 0x3f));
            }
        }
    }

    private static int utf8Length(String s) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    len += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    len += 2;
                    i++;
                } else {
                    len += 2;
                }
            }
        }
        return len;
    }

    /**
     * Writes {@code s} (which contains '@') as a JID if some JID form decodes back to exactly {@code s};
     * returns false, writing nothing, otherwise.
     */
    private static boolean writeJid(ByteSink out, String s, int depth) {
        int at = s.indexOf('@');
        if (at == s.length() - 1) {
            return false;
        }
        String server = s.substring(at + 1);
        int colon = s.indexOf(':');
        boolean hasColon = colon >= 0 && colon < at;
        int underscore = s.indexOf('_');
        boolean baileysForm = underscore < 0 || underscore > at;
        if (baileysForm && !hasColon) {
            out.write(WireTags.JID_PAIR);
            if (at == 0) {
                out.write(WireTags.LIST_EMPTY);
            } else {
                write(out, s.substring(0, at), depth + 1);
            }
            write(out, server, depth + 1);
            return true;
        }
        if (!hasColon || s.indexOf(':', colon + 1) < at && s.indexOf(':', colon + 1) >= 0) {
            return false;
        }
        int domain = JidServer.domainType(server);
        int device = canonicalNumber(s, colon + 1, at, 255);
        if (baileysForm && domain >= 0 && device > 0) {
            out.ensure(3);
            out.put(WireTags.AD_JID);
            out.put(domain);
            out.put(device);
            write(out, s.substring(0, colon), depth + 1);
            return true;
        }
        int wideDevice = canonicalNumber(s, colon + 1, at, 65535);
        if (wideDevice < 0) {
            return false;
        }
        if (server.equals(JidServer.MESSENGER)) {
            out.write(WireTags.FB_JID);
            write(out, s.substring(0, colon), depth + 1);
            out.writeShort(wideDevice);
            write(out, server, depth + 1);
            return true;
        }
        int dash = s.indexOf('-');
        if (server.equals(JidServer.INTEROP) && dash > 0 && dash < colon) {
            int integrator = canonicalNumber(s, 0, dash, 65535);
            if (integrator >= 0) {
                out.write(WireTags.INTEROP_JID);
                write(out, s.substring(dash + 1, colon), depth + 1);
                out.writeShort(wideDevice);
                out.writeShort(integrator);
                write(out, server, depth + 1);
                return true;
            }
        }
        return false;
    }

    /** The decimal number in s[from, to) if written canonically (no sign, no leading zero) and at most max; else -1. */
    private static int canonicalNumber(String s, int from, int to, int max) {
        int len = to - from;
        if (len <= 0 || len > 5 || (s.charAt(from) == '0' && len > 1)) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
