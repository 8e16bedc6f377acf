package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Splits a WhatsApp byte stream into frames ({@code length(3, big-endian) || payload}) whatever the
 * fragmentation: one byte at a time, or many frames in one chunk. A frame's buffer is allocated once,
 * after its declared length was checked against the maximum (LIMIT_EXCEEDED otherwise), so hostile
 * lengths cannot make it allocate more than that. The server's decoder first reads the client's
 * {@link ConnectionHeader}. After an error the decoder refuses further input. Not thread-safe.
 */
public final class FrameDecoder {

    /** The largest length three bytes can express. */
    public static final int MAX_FRAME_SIZE = (1 << 24) - 1;

    private final int maxFrameSize;
    private final ConnectionHeaderReader headerReader;
    private final byte[] lengthBytes = new byte[3];
    private int lengthFilled;
    private byte[] frame;
    private int frameFilled;
    private ProtocolException failure;

    private FrameDecoder(int maxFrameSize, boolean expectHeader) {
        if (maxFrameSize < 0 || maxFrameSize > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("max frame size out of range: " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
        this.headerReader = expectHeader ? new ConnectionHeaderReader() : null;
    }

    /** For the client: the server's stream is frames only. */
    public static FrameDecoder forServerStream(int maxFrameSize) {
        return new FrameDecoder(maxFrameSize, false);
    }

    /** For the server: the client's stream starts with its connection header. */
    public static FrameDecoder forClientStream(int maxFrameSize) {
        return new FrameDecoder(maxFrameSize, true);
    }

    /** The client's connection header once it was read (server decoders only), else null. */
    public ConnectionHeader connectionHeader() {
        return headerReader == null ? null : headerReader.header();
    }

    /** Consumes a chunk and hands each completed frame's payload to {@code sink}, in order. */
    public void decode(byte[] chunk, int offset, int length, Consumer<byte[]> sink) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        if (failure != null) {
            throw new ProtocolException(failure.reason(), "decoder failed earlier: " + failure.getMessage());
        }
        try {
            int position = offset;
            int end = offset + length;
            if (headerReader != null && headerReader.header() == null) {
                position += headerReader.read(chunk, position, end - position);
            }
            while (position < end) {
                position = step(chunk, position, end, sink);
            }
        } catch (ProtocolException e) {
            failure = e;
            throw e;
        }
    }

    /** Consumes a whole chunk and returns the frames it completed. */
    public List<byte[]> decode(byte[] chunk) {
        List<byte[]> frames = new ArrayList<>(2);
        decode(chunk, 0, chunk.length, frames::add);
        return frames;
    }

    /** True when no partial frame (or header) is buffered. */
    public boolean isIdle() {
        return lengthFilled == 0 && frame == null && (headerReader == null || headerReader.header() != null);
    }

    private int step(byte[] chunk, int position, int end, Consumer<byte[]> sink) {
        if (frame == null) {
            int n = Math.min(3 - lengthFilled, end - position);
            System.arraycopy(chunk, position, lengthBytes, lengthFilled, n);
            lengthFilled += n;
            position += n;
            if (lengthFilled < 3) {
                return position;
            }
            int size = (lengthBytes[0] & 0xFF) << 16 | (lengthBytes[1] & 0xFF) << 8 | lengthBytes[2] & 0xFF;
            if (size > maxFrameSize) {
                throw new ProtocolException(Reason.LIMIT_EXCEEDED,
                        "frame of " + size + " bytes exceeds the maximum of " + maxFrameSize);
            }
            lengthFilled = 0;
            frame = new byte[size];
            frameFilled = 0;
        }
        int n = Math.min(frame.length - frameFilled, end - position);
        System.arraycopy(chunk, position, frame, frameFilled, n);
        frameFilled += n;
        position += n;
        if (frameFilled == frame.length) {
            byte[] complete = frame;
            frame = null;
            sink.accept(complete);
        }
        return position;
    }
}
