package io.tryx.protocol.binary;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Inflates the zlib stream of a compressed frame, refusing to produce more than a hard limit of bytes. */
final class FrameInflater {

    private FrameInflater() {
    }

    /** The inflated bytes of {@code data[off, off + len)}; at most {@code limit} of them. */
    static byte[] inflate(byte[] data, int off, int len, int limit) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, off, len);
            byte[] out = new byte[Math.min(limit, Math.max(256, len * 4))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (out.length >= limit) {
                        if (inflater.inflate(new byte[1]) > 0) {
                            throw new ProtocolException(Reason.LIMIT_EXCEEDED,
                                    "compressed node inflates beyond " + limit + " bytes");
                        }
                        checkStalled(inflater);
                        continue;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(limit, out.length * 2L));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0) {
                    checkStalled(inflater);
                }
                size += n;
            }
            if (inflater.getRemaining() > 0) {
                throw new ProtocolException(Reason.MALFORMED, "bytes after the end of the zlib stream");
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new ProtocolException(Reason.MALFORMED, "invalid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static void checkStalled(Inflater inflater) {
        if (inflater.finished()) {
            return;
        }
        if (inflater.needsDictionary()) {
            throw new ProtocolException(Reason.MALFORMED, "zlib stream needs a preset dictionary");
        }
        if (inflater.needsInput()) {
            throw new ProtocolException(Reason.TRUNCATED, "zlib stream ends early");
        }
    }
}
