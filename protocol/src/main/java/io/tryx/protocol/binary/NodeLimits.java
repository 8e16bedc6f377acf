package io.tryx.protocol.binary;

/**
 * The bounds the node codec enforces, so that hostile input costs at most a bounded amount of memory
 * and stack. Exceeding one raises {@link io.tryx.protocol.ProtocolException} with
 * {@link io.tryx.protocol.ProtocolException.Reason#LIMIT_EXCEEDED}.
 */
public final class NodeLimits {

    /** Largest node payload after zlib decompression: 16 MiB. */
    public static final int MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

    /** Deepest nesting of nodes (the root is depth 1). */
    public static final int MAX_DEPTH = 64;

    /**
     * Deepest nesting of JID values inside JID values (a JID pair's server may itself be a JID, as Baileys
     * writes {@code a@b@c}). The encoder writes deeper strings as plain text instead.
     */
    public static final int MAX_JID_NESTING = 16;

    /** Most attributes of one node: the list header counts {@code 2 * attributes + 2} in 16 bits. */
    public static final int MAX_ATTRIBUTES = 32766;

    /** Most children of one node: a list size is 16 bits. */
    public static final int MAX_CHILDREN = 65535;

    private NodeLimits() {
    }
}
