package io.tryx.protocol.binary;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;

import java.util.List;

/**
 * Encodes a {@link Node} as the plaintext of a frame: the flag byte 0 (uncompressed) followed by the node
 * in the binary XML format, dictionary version 3, choosing every representation as Baileys 7.0.0-rc14 does
 * (see {@link WireStrings} for the few intended differences).
 *
 * <p>Nodes deeper than {@link NodeLimits#MAX_DEPTH} raise {@link Reason#LIMIT_EXCEEDED}, so that whatever
 * we send, our decoder (and the peer's) can read back. Stateless and thread-safe.
 *
 * <p>Where whatsmeow encodes differently we follow Baileys: empty attribute values are written (whatsmeow
 * drops them); a JID value is written as its text would be (so {@code 123@hosted} is a JID pair, where
 * whatsmeow writes an AD-JID, and {@code user.agent:device@server} keeps its agent in the user part, where
 * whatsmeow puts the agent in the domain byte).
 */
public final class NodeEncoder {

    private NodeEncoder() {
    }

    /** The frame plaintext: flag byte 0, then the node. */
    public static byte[] encode(Node node) {
        ByteSink out = new ByteSink(estimate(node));
        out.write(0);
        writeNode(out, node, 1);
        return out.toByteArray();
    }

    /**
     * The frame plaintext compressed as the server sends large stanzas: flag byte 2, then the zlib-deflated node.
     */
    public static byte[] encodeCompressed(Node node) {
        byte[] plain = encodeUnframed(node);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteSink out = new ByteSink(plain.length / 2 + 64);
            out.write(WireTags.FLAG_COMPRESSED);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The node bytes alone, without the flag byte. */
    public static byte[] encodeUnframed(Node node) {
        ByteSink out = new ByteSink(estimate(node));
        writeNode(out, node, 1);
        return out.toByteArray();
    }

    private static int estimate(Node node) {
        return node.content() instanceof Content.Bytes b ? b.length() + 256 : 256;
    }

    private static void writeNode(ByteSink out, Node node, int depth) {
        if (depth > NodeLimits.MAX_DEPTH) {
            throw new ProtocolException(Reason.LIMIT_EXCEEDED, "node nesting deeper than " + NodeLimits.MAX_DEPTH);
        }
        Attrs attrs = node.attrs();
        Content content = node.content();
        boolean hasContent = !(content instanceof Content.None);
        writeListStart(out, 2 * attrs.size() + 1 + (hasContent ? 1 : 0));
        WireStrings.write(out, node.tag(), 0);
        for (int i = 0; i < attrs.size(); i++) {
            WireStrings.write(out, attrs.name(i), 0);
            WireStrings.write(out, attrs.text(i), 0);
        }
        switch (content) {
            case Content.None none -> {
            }
            case Content.Text text -> WireStrings.write(out, text.value(), 0);
            case Content.Bytes bytes -> {
                byte[] data = bytes.array();
                WireStrings.writeLength(out, data.length);
                out.write(data, 0, data.length);
            }
            case Content.Children children -> {
                List<Node> nodes = children.nodes();
                writeListStart(out, nodes.size());
                for (Node child : nodes) {
                    writeNode(out, child, depth + 1);
                }
            }
        }
    }

    private static void writeListStart(ByteSink out, int size) {
        if (size == 0) {
            out.write(WireTags.LIST_EMPTY);
        } else if (size < 256) {
            out.write2(WireTags.LIST_8, size);
        } else {
            out.write(WireTags.LIST_16);
            out.writeShort(size);
        }
    }
}
