package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;

import java.util.Objects;

/**
 * Writes frames as {@code length(3, big-endian) || payload}. A client's encoder puts its
 * {@link ConnectionHeader} in front of the first frame, once; a server's encoder writes frames only.
 * Not thread-safe (it remembers whether the header went out).
 */
public final class FrameEncoder {

    private byte[] pendingHeader;

    private FrameEncoder(byte[] pendingHeader) {
        this.pendingHeader = pendingHeader;
    }

    /** For the client: the first frame carries the connection header. */
    public static FrameEncoder withConnectionHeader(ConnectionHeader header) {
        return new FrameEncoder(header.encode());
    }

    /** For the server: frames only. */
    public static FrameEncoder framesOnly() {
        return new FrameEncoder(null);
    }

    /** The bytes to send for one frame payload (preceded by the header if it has not gone out yet). */
    public byte[] encode(byte[] payload) {
        return encode(payload, 0, payload.length);
    }

    /** As {@link #encode(byte[])} for a slice of {@code payload}. */
    public byte[] encode(byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length > FrameDecoder.MAX_FRAME_SIZE) {
            throw new ProtocolException(Reason.LIMIT_EXCEEDED,
                    "frame of " + length + " bytes does not fit a 3-byte length");
        }
        int headerLength = pendingHeader == null ? 0 : pendingHeader.length;
        byte[] out = new byte[headerLength + 3 + length];
        if (pendingHeader != null) {
            System.arraycopy(pendingHeader, 0, out, 0, headerLength);
            pendingHeader = null;
        }
        out[headerLength] = (byte) (length >>> 16);
        out[headerLength + 1] = (byte) (length >>> 8);
        out[headerLength + 2] = (byte) length;
        System.arraycopy(payload, offset, out, headerLength + 3, length);
        return out;
    }
}
