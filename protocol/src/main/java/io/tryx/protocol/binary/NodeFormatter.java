package io.tryx.protocol.binary;

import java.util.HexFormat;
import java.util.List;

/** Renders nodes as one XML-like line for logs: long text, long byte arrays and long child lists shortened. */
final class NodeFormatter {

    private static final int MAX_TEXT = 200;
    private static final int MAX_BYTES_SHOWN = 32;
    private static final int MAX_CHILDREN_SHOWN = 50;
    private static final int MAX_DEPTH_SHOWN = 32;

    private NodeFormatter() {
    }

    static String format(Node node) {
        StringBuilder sb = new StringBuilder(64);
        append(sb, node, 1);
        return sb.toString();
    }

    /** {@code [12 bytes 0a0b...]}: the length and up to 32 bytes in hex. */
    static String bytes(byte[] data) {
        StringBuilder sb = new StringBuilder(16 + 2 * Math.min(data.length, MAX_BYTES_SHOWN));
        sb.append('[').append(data.length).append(data.length == 1 ? " byte" : " bytes");
        if (data.length > 0) {
            sb.append(' ').append(HexFormat.of().formatHex(data, 0, Math.min(data.length, MAX_BYTES_SHOWN)));
            if (data.length > MAX_BYTES_SHOWN) {
                sb.append("...");
            }
        }
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, Node node, int depth) {
        sb.append('<').append(node.tag());
        Attrs attrs = node.attrs();
        for (int i = 0; i < attrs.size(); i++) {
            sb.append(' ').append(attrs.name(i)).append("=\"");
            escape(sb, attrs.text(i));
            sb.append('"');
        }
        switch (node.content()) {
            case Content.None none -> sb.append("/>");
            case Content.Text text -> {
                sb.append('>');
                escape(sb, text.value());
                close(sb, node);
            }
            case Content.Bytes bytes -> {
                sb.append('>').append(bytes(bytes.array()));
                close(sb, node);
            }
            case Content.Children children -> {
                sb.append('>');
                appendChildren(sb, children.nodes(), depth);
                close(sb, node);
            }
        }
    }

    private static void appendChildren(StringBuilder sb, List<Node> nodes, int depth) {
        if (depth >= MAX_DEPTH_SHOWN && !nodes.isEmpty()) {
            sb.append("<!-- ").append(nodes.size()).append(" deeper nodes -->");
            return;
        }
        int shown = Math.min(nodes.size(), MAX_CHILDREN_SHOWN);
        for (int i = 0; i < shown; i++) {
            append(sb, nodes.get(i), depth + 1);
        }
        if (nodes.size() > shown) {
            sb.append("<!-- ").append(nodes.size() - shown).append(" more -->");
        }
    }

    private static void close(StringBuilder sb, Node node) {
        sb.append("</").append(node.tag()).append('>');
    }

    private static void escape(StringBuilder sb, String s) {
        int end = Math.min(s.length(), MAX_TEXT);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20) {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (s.length() > end) {
            sb.append("...(").append(s.length()).append(" chars)");
        }
    }
}
