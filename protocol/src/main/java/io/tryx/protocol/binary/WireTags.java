package io.tryx.protocol.binary;

/** The tag bytes of the binary node format, dictionary version 3. */
final class WireTags {
    static final int LIST_EMPTY = 0;
    static final int DICTIONARY_0 = 236;
    static final int DICTIONARY_3 = 239;
    static final int INTEROP_JID = 245;
    static final int FB_JID = 246;
    static final int AD_JID = 247;
    static final int LIST_8 = 248;
    static final int LIST_16 = 249;
    static final int JID_PAIR = 250;
    static final int HEX_8 = 251;
    static final int BINARY_8 = 252;
    static final int BINARY_20 = 253;
    static final int BINARY_32 = 254;
    static final int NIBBLE_8 = 255;

    /** Longest string packed as nibbles or hex digits. */
    static final int PACKED_MAX = 127;

    /** Frame flag bit: the node bytes that follow are zlib-compressed. */
    static final int FLAG_COMPRESSED = 2;

    private WireTags() {
    }
}
