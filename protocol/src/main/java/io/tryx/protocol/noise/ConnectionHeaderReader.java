package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Server side: reads a client's {@link ConnectionHeader} from a byte stream that may arrive in any
 * fragments. Anything but {@code [E D 0 1 len(3) routing] W A 6 3} is refused: a wrong magic as
 * MALFORMED, another dictionary version as UNSUPPORTED, an oversized routing block as LIMIT_EXCEEDED.
 * It never buffers more than {@link ConnectionHeader#MAX_ROUTING_INFO} bytes plus a few.
 */
public final class ConnectionHeaderReader {

    private enum Stage { MAGIC, ROUTING_LENGTH, ROUTING, WA_HEADER, DONE }

    private final byte[] group = new byte[4];
    private int filled;
    private int wanted = 4;
    private Stage stage = Stage.MAGIC;
    private byte[] routing = new byte[0];
    private ConnectionHeader header;

    /**
     * Consumes header bytes from {@code chunk} and returns how many it used; the rest belongs to the
     * frames. Once {@link #header()} is set it consumes nothing more.
     */
    public int read(byte[] chunk, int offset, int length) {
        int used = 0;
        while (used < length && stage != Stage.DONE) {
            byte[] target = stage == Stage.ROUTING ? routing : group;
            int n = Math.min(wanted - filled, length - used);
            System.arraycopy(chunk, offset + used, target, filled, n);
            filled += n;
            used += n;
            if (filled == wanted) {
                advance();
            }
        }
        return used;
    }

    /** The parsed header, or null while more bytes are needed. */
    public ConnectionHeader header() {
        return header;
    }

    /** Parses a complete header that must span {@code bytes} exactly. */
    public static ConnectionHeader parse(byte[] bytes) {
        ConnectionHeaderReader reader = new ConnectionHeaderReader();
        int used = reader.read(bytes, 0, bytes.length);
        if (reader.header == null) {
            throw new ProtocolException(Reason.TRUNCATED, "connection header incomplete after " + bytes.length + " bytes");
        }
        if (used != bytes.length) {
            throw new ProtocolException(Reason.MALFORMED, (bytes.length - used) + " bytes after the connection header");
        }
        return reader.header;
    }

    private void advance() {
        switch (stage) {
            case MAGIC -> {
                if (Arrays.equals(group, ConnectionHeader.ROUTING_MAGIC)) {
                    expect(Stage.ROUTING_LENGTH, 3);
                } else {
                    checkWaHeader();
                    finish();
                }
            }
            case ROUTING_LENGTH -> {
                int n = (group[0] & 0xFF) << 16 | (group[1] & 0xFF) << 8 | group[2] & 0xFF;
                if (n == 0) {
                    throw new ProtocolException(Reason.MALFORMED, "empty edge-routing block");
                }
                if (n > ConnectionHeader.MAX_ROUTING_INFO) {
                    throw new ProtocolException(Reason.LIMIT_EXCEEDED,
                            "edge-routing block of " + n + " bytes exceeds " + ConnectionHeader.MAX_ROUTING_INFO);
                }
                routing = new byte[n];
                expect(Stage.ROUTING, n);
            }
            case ROUTING -> expect(Stage.WA_HEADER, 4);
            case WA_HEADER -> {
                checkWaHeader();
                finish();
            }
            case DONE -> throw new IllegalStateException("header already complete");
        }
    }

    private void expect(Stage next, int bytes) {
        stage = next;
        filled = 0;
        wanted = bytes;
    }

    private void finish() {
        header = new ConnectionHeader(routing);
        stage = Stage.DONE;
    }

    private void checkWaHeader() {
        if (group[0] != 'W' || group[1] != 'A' || group[2] != ConnectionHeader.MAGIC) {
            throw new ProtocolException(Reason.MALFORMED,
                    "not a WhatsApp connection header: " + HexFormat.of().formatHex(group));
        }
        if (group[3] != ConnectionHeader.DICTIONARY_VERSION) {
            throw new ProtocolException(Reason.UNSUPPORTED, "dictionary version " + (group[3] & 0xFF)
                    + ", expected " + ConnectionHeader.DICTIONARY_VERSION);
        }
    }
}
