package io.tryx.protocol.binary;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the binary XML format, dictionary version 3, into {@link Node}s, reading every construct Baileys
 * 7.0.0-rc14 reads and yielding the same values (JIDs as typed {@link Jid}s where they have a canonical
 * form, as text otherwise).
 *
 * <p>Every bad input raises {@link ProtocolException}: {@link Reason#TRUNCATED} when a length or count
 * reaches past the end (checked before anything is allocated), {@link Reason#MALFORMED} for an unknown tag,
 * an empty node, a duplicate attribute, a bad zlib stream or bytes after the root node, and
 * {@link Reason#LIMIT_EXCEEDED} past the bounds of {@link NodeLimits}. Stateless and thread-safe.
 *
 * <p>Intended differences from Baileys: a duplicate attribute name and bytes after the root node are
 * rejected (Baileys keeps the last value and ignores the trailing bytes). Where whatsmeow reads differently
 * we follow Baileys: JID content is text, an AD-JID with an unknown domain type is a {@code s.whatsapp.net}
 * JID without agent, and FB/interop JIDs on unexpected servers are accepted as text.
 */
public final class NodeDecoder {

    /** Smallest encoding of a node: LIST_8, size, a one-byte tag. */
    private static final int MIN_NODE_BYTES = 3;

    private final byte[] buf;
    private int pos;
    private final int end;

    private NodeDecoder(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    /**
     * Decodes a frame's plaintext: the flag byte (bit value 2 = zlib-compressed, inflated to at most
     * {@link NodeLimits#MAX_DECOMPRESSED_BYTES}) followed by exactly one node.
     */
    public static Node decodeFrame(byte[] frame) {
        if (frame.length == 0) {
            throw new ProtocolException(Reason.TRUNCATED, "empty frame");
        }
        if ((frame[0] & WireTags.FLAG_COMPRESSED) != 0) {
            byte[] inflated = FrameInflater.inflate(frame, 1, frame.length - 1, NodeLimits.MAX_DECOMPRESSED_BYTES);
            return decode(inflated, 0, inflated.length);
        }
        return decode(frame, 1, frame.length - 1);
    }

    /** Decodes exactly one uncompressed node from {@code data[off, off + len)}. */
    public static Node decode(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + off + " + " + len + ") of " + data.length);
        }
        if (len > NodeLimits.MAX_DECOMPRESSED_BYTES) {
            throw new ProtocolException(Reason.LIMIT_EXCEEDED, "node of " + len + " bytes exceeds "
                    + NodeLimits.MAX_DECOMPRESSED_BYTES);
        }
        NodeDecoder decoder = new NodeDecoder(data, off, off + len);
        Node node = decoder.readNode(1);
        if (decoder.pos != decoder.end) {
            throw new ProtocolException(Reason.MALFORMED, (decoder.end - decoder.pos) + " bytes after the root node");
        }
        return node;
    }

    /** Decodes exactly one uncompressed node occupying all of {@code data}. */
    public static Node decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    private Node readNode(int depth) {
        if (depth > NodeLimits.MAX_DEPTH) {
            throw new ProtocolException(Reason.LIMIT_EXCEEDED, "nodes nested deeper than " + NodeLimits.MAX_DEPTH);
        }
        int size = readListSize(readByte());
        if (size == 0) {
            throw new ProtocolException(Reason.MALFORMED, "node with an empty list");
        }
        String tag = readText(readByte(), 0);
        if (tag.isEmpty()) {
            throw new ProtocolException(Reason.MALFORMED, "node with an empty tag");
        }
        int attrCount = (size - 1) >> 1;
        require(2L * attrCount, "attributes");
        Attrs attrs = Attrs.empty();
        if (attrCount > 0) {
            String[] names = new String[attrCount];
            Object[] values = new Object[attrCount];
            for (int i = 0; i < attrCount; i++) {
                names[i] = readText(readByte(), 0);
                values[i] = readValue(readByte(), 0);
            }
            attrs = Attrs.owning(names, values);
        }
        Content content = (size & 1) == 0 ? readContent(depth) : Content.NONE;
        return new Node(tag, attrs, content);
    }

    private Content readContent(int depth) {
        int tag = readByte();
        switch (tag) {
            case WireTags.LIST_EMPTY, WireTags.LIST_8, WireTags.LIST_16 -> {
                int count = readListSize(tag);
                require((long) MIN_NODE_BYTES * count, "child nodes");
                Node[] children = new Node[count];
                for (int i = 0; i < count; i++) {
                    children[i] = readNode(depth + 1);
                }
                return new Content.Children(Arrays.asList(children));
            }
            case WireTags.BINARY_8, WireTags.BINARY_20, WireTags.BINARY_32 -> {
                int length = readLength(tag);
                byte[] data = Arrays.copyOfRange(buf, pos, pos + length);
                pos += length;
                return Content.Bytes.owning(data);
            }
            default -> {
                return new Content.Text(readText(tag, 0));
            }
        }
    }

    private int readListSize(int tag) {
        return switch (tag) {
            case WireTags.LIST_EMPTY -> 0;
            case WireTags.LIST_8 -> readByte();
            case WireTags.LIST_16 -> readShort();
            default -> throw new ProtocolException(Reason.MALFORMED, "expected a list tag, found " + tag + at());
        };
    }

    /** The length of a BINARY_8/20/32 value, checked against the remaining bytes. */
    private int readLength(int tag) {
        long length = switch (tag) {
            case WireTags.BINARY_8 -> readByte();
            case WireTags.BINARY_20 -> {
                require(3, "a 20-bit length");
                yield ((buf[pos++] & 0x0f) << 16) | ((buf[pos++] & 0xff) << 8) | (buf[pos++] & 0xff);
            }
            default -> {
                require(4, "a 32-bit length");
                long v = ((buf[pos] & 0xffL) << 24) | ((buf[pos + 1] & 0xff) << 16)
                        | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
                pos += 4;
                yield v;
            }
        };
        require(length, "a byte string");
        return (int) length;
    }

    private String readText(int tag, int jidDepth) {
        Object value = readValue(tag, jidDepth);
        return value instanceof String s ? s : value.toString();
    }

    /** A string value: a {@link String}, or a {@link Jid} when the wire carries a JID with a canonical form. */
    private Object readValue(int tag, int jidDepth) {
        if (tag >= 1 && tag < Tokens.singleCount()) {
            return Tokens.single(tag);
        }
        switch (tag) {
            case WireTags.LIST_EMPTY:
                return "";
            case WireTags.BINARY_8, WireTags.BINARY_20, WireTags.BINARY_32: {
                int length = readLength(tag);
                String s = new String(buf, pos, length, StandardCharsets.UTF_8);
                pos += length;
                return s;
            }
            case WireTags.NIBBLE_8, WireTags.HEX_8:
                return readPacked(tag == WireTags.NIBBLE_8);
            case WireTags.JID_PAIR, WireTags.AD_JID, WireTags.FB_JID, WireTags.INTEROP_JID:
                if (jidDepth >= NodeLimits.MAX_JID_NESTING) {
                    throw new ProtocolException(Reason.LIMIT_EXCEEDED,
                            "JIDs nested deeper than " + NodeLimits.MAX_JID_NESTING);
                }
                return readJid(tag, jidDepth + 1);
            default:
                if (tag >= WireTags.DICTIONARY_0 && tag <= WireTags.DICTIONARY_3) {
                    return Tokens.doubleByte(tag - WireTags.DICTIONARY_0, readByte());
                }
                throw new ProtocolException(Reason.MALFORMED, "invalid string tag " + tag + at());
        }
    }

    private Object readJid(int tag, int depth) {
        switch (tag) {
            case WireTags.JID_PAIR -> {
                String user = readText(readByte(), depth);
                String server = readText(readByte(), depth);
                if (server.isEmpty()) {
                    throw new ProtocolException(Reason.MALFORMED, "JID pair without a server" + at());
                }
                Jid jid = user.isEmpty() || server.equals(JidServer.INTEROP)
                        ? null : Jid.ofOrNull(user, 0, 0, 0, server);
                return jid != null ? jid : user + "@" + server;
            }
            case WireTags.AD_JID -> {
                int domain = readByte();
                int device = readByte();
                String user = readText(readByte(), depth);
                String server = JidServer.forDomainType(domain);
                Jid jid = user.isEmpty() ? null : Jid.ofOrNull(user, 0, device, 0, server);
                return jid != null ? jid : user + (device != 0 ? ":" + device : "") + "@" + server;
            }
            case WireTags.FB_JID -> {
                String user = readText(readByte(), depth);
                int device = readShort();
                String server = readText(readByte(), depth);
                Jid jid = user.isEmpty() || device == 0 || server.equals(JidServer.INTEROP)
                        ? null : Jid.ofOrNull(user, 0, device, 0, server);
                return jid != null ? jid : user + ":" + device + "@" + server;
            }
            default -> {
                String user = readText(readByte(), depth);
                int device = readShort();
                int integrator = readShort();
                String server = readOptionalServer(depth);
                Jid jid = user.isEmpty() || !server.equals(JidServer.INTEROP)
                        ? null : Jid.ofOrNull(user, 0, device, integrator, server);
                return jid != null ? jid : integrator + "-" + user + ":" + device + "@" + server;
            }
        }
    }

    /** Baileys reads an interop JID's server if one can be read there, else assumes {@code interop}. */
    private String readOptionalServer(int depth) {
        int mark = pos;
        try {
            return readText(readByte(), depth);
        } catch (ProtocolException e) {
            pos = mark;
            return JidServer.INTEROP;
        }
    }

    private String readPacked(boolean nibble) {
        int start = readByte();
        int count = start & 0x7f;
        require(count, "packed digits");
        char[] chars = new char[count * 2];
        for (int i = 0; i < count; i++) {
            int b = buf[pos++] & 0xff;
            chars[2 * i] = unpack(b >> 4, nibble);
            chars[2 * i + 1] = unpack(b & 0x0f, nibble);
        }
        int length = (start & 0x80) != 0 && count > 0 ? chars.length - 1 : chars.length;
        return new String(chars, 0, length);
    }

    private char unpack(int v, boolean nibble) {
        if (v < 10) {
            return (char) ('0' + v);
        }
        if (!nibble) {
            return (char) ('A' + v - 10);
        }
        return switch (v) {
            case 10 -> '-';
            case 11 -> '.';
            case 15 -> '\0';
            default -> throw new ProtocolException(Reason.MALFORMED, "invalid nibble " + v + at());
        };
    }

    private int readByte() {
        if (pos >= end) {
            throw new ProtocolException(Reason.TRUNCATED, "input ends early at offset " + pos);
        }
        return buf[pos++] & 0xff;
    }

    private int readShort() {
        require(2, "a 16-bit number");
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    private void require(long bytes, String what) {
        if (bytes > end - pos) {
            throw new ProtocolException(Reason.TRUNCATED,
                    what + " need " + bytes + " bytes but " + (end - pos) + " remain" + at());
        }
    }

    private String at() {
        return " (offset " + pos + ")";
    }
}
