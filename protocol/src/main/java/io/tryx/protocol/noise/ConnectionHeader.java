package io.tryx.protocol.noise;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes a client sends once, before its first frame: {@code W A 0x06 0x03} (magic 6, binary
 * dictionary version 3), optionally preceded by an edge-routing block {@code E D 0x00 0x01}, a 3-byte
 * big-endian length and the routing info the server handed out earlier. Only the four {@code W A 6 3}
 * bytes are mixed into the Noise handshake hash; the routing block is for the edge proxy.
 *
 * @param routingInfo the edge-routing bytes, empty when the client sent none
 */
public record ConnectionHeader(byte[] routingInfo) {

    /** Dictionary version of the binary node token tables this header announces. */
    public static final int DICTIONARY_VERSION = 3;
    /** Largest routing block we emit or accept; real ones are a few dozen bytes. */
    public static final int MAX_ROUTING_INFO = 4096;

    static final byte MAGIC = 6;
    static final byte[] ROUTING_MAGIC = {'E', 'D', 0, 1};
    private static final byte[] WA_HEADER = {'W', 'A', MAGIC, DICTIONARY_VERSION};

    public ConnectionHeader {
        routingInfo = routingInfo == null ? new byte[0] : routingInfo.clone();
        if (routingInfo.length > MAX_ROUTING_INFO) {
            throw new IllegalArgumentException("routing info longer than " + MAX_ROUTING_INFO + " bytes");
        }
    }

    /** The plain header without edge routing. */
    public static ConnectionHeader plain() {
        return new ConnectionHeader(new byte[0]);
    }

    /** A header carrying edge-routing info. */
    public static ConnectionHeader routed(byte[] routingInfo) {
        return new ConnectionHeader(routingInfo);
    }

    @Override
    public byte[] routingInfo() {
        return routingInfo.clone();
    }

    public boolean hasRoutingInfo() {
        return routingInfo.length > 0;
    }

    /** The four {@code W A 6 3} bytes, the handshake's prologue. */
    public byte[] prologue() {
        return WA_HEADER.clone();
    }

    /** The bytes as they go on the wire in front of the first frame. */
    public byte[] encode() {
        if (!hasRoutingInfo()) {
            return WA_HEADER.clone();
        }
        int n = routingInfo.length;
        byte[] out = new byte[ROUTING_MAGIC.length + 3 + n + WA_HEADER.length];
        System.arraycopy(ROUTING_MAGIC, 0, out, 0, ROUTING_MAGIC.length);
        out[4] = (byte) (n >>> 16);
        out[5] = (byte) (n >>> 8);
        out[6] = (byte) n;
        System.arraycopy(routingInfo, 0, out, 7, n);
        System.arraycopy(WA_HEADER, 0, out, 7 + n, WA_HEADER.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionHeader other && Arrays.equals(routingInfo, other.routingInfo);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(routingInfo);
    }

    @Override
    public String toString() {
        return "ConnectionHeader[routingInfo=" + HexFormat.of().formatHex(routingInfo) + "]";
    }
}
