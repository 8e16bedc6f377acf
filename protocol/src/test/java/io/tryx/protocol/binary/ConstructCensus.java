package io.tryx.protocol.binary;

import io.tryx.protocol.jid.Jid;

import java.util.EnumSet;
import java.util.Set;

/** Records which wire constructs a set of nodes exercises, to prove a corpus covers them all. */
final class ConstructCensus {

    enum Construct {
        SINGLE_TOKEN, DICTIONARY_0, DICTIONARY_1, DICTIONARY_2, DICTIONARY_3, NIBBLE, HEX, RAW_STRING,
        EMPTY_STRING, JID_PAIR, AD_JID, AD_JID_LID, AD_JID_HOSTED, AD_JID_HOSTED_LID, TYPED_JID, BINARY_8,
        BINARY_20, BINARY_32, OVER_ONE_MIB, LIST_EMPTY_CHILDREN, LIST_8_CHILDREN, LIST_16_CHILDREN,
        LIST_16_HEADER, NO_CONTENT, TEXT_CONTENT, RAW_TEXT_CONTENT, NESTED_DEPTH_4
    }

    private final Set<Construct> seen = EnumSet.noneOf(Construct.class);

    void scan(Node node, int depth) {
        string(node.tag());
        Attrs attrs = node.attrs();
        if (2 * attrs.size() + 2 > 255) {
            seen.add(Construct.LIST_16_HEADER);
        }
        for (int i = 0; i < attrs.size(); i++) {
            string(attrs.name(i));
            if (attrs.value(i) instanceof Jid) {
                seen.add(Construct.TYPED_JID);
            }
            string(attrs.text(i));
        }
        if (depth >= 4) {
            seen.add(Construct.NESTED_DEPTH_4);
        }
        switch (node.content()) {
            case Content.None none -> seen.add(Construct.NO_CONTENT);
            case Content.Text text -> {
                seen.add(WireStrings.kindOf(text.value()) == WireStrings.Kind.RAW
                        ? Construct.RAW_TEXT_CONTENT : Construct.TEXT_CONTENT);
                string(text.value());
            }
            case Content.Bytes bytes -> {
                int n = bytes.length();
                seen.add(n < 256 ? Construct.BINARY_8 : n < 1 << 20 ? Construct.BINARY_20 : Construct.BINARY_32);
                if (n > 1 << 20) {
                    seen.add(Construct.OVER_ONE_MIB);
                }
            }
            case Content.Children children -> {
                int n = children.nodes().size();
                seen.add(n == 0 ? Construct.LIST_EMPTY_CHILDREN : n < 256 ? Construct.LIST_8_CHILDREN
                        : Construct.LIST_16_CHILDREN);
                children.nodes().forEach(child -> scan(child, depth + 1));
            }
        }
    }

    private void string(String s) {
        if (s.isEmpty()) {
            seen.add(Construct.EMPTY_STRING);
            return;
        }
        int token = Tokens.lookup(s);
        if (token != Tokens.NONE) {
            seen.add((token & Tokens.DOUBLE) == 0 ? Construct.SINGLE_TOKEN
                    : Construct.values()[Construct.DICTIONARY_0.ordinal() + ((token >> 8) & 0xff)]);
            return;
        }
        switch (WireStrings.kindOf(s)) {
            case NIBBLE -> seen.add(Construct.NIBBLE);
            case HEX -> seen.add(Construct.HEX);
            case RAW -> seen.add(Construct.RAW_STRING);
            case JID -> jid(s);
            default -> { }
        }
    }

    private void jid(String s) {
        if (!s.contains(":")) {
            seen.add(Construct.JID_PAIR);
            return;
        }
        String server = s.substring(s.indexOf('@') + 1);
        seen.add(switch (server) {
            case "lid" -> Construct.AD_JID_LID;
            case "hosted" -> Construct.AD_JID_HOSTED;
            case "hosted.lid" -> Construct.AD_JID_HOSTED_LID;
            default -> Construct.AD_JID;
        });
    }

    Set<Construct> missing() {
        Set<Construct> missing = EnumSet.allOf(Construct.class);
        missing.removeAll(seen);
        return missing;
    }
}
