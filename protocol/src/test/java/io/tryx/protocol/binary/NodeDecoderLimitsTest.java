package io.tryx.protocol.binary;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeDecoderLimitsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static void assertRejected(byte[] frame, Reason reason) {
        assertThatThrownBy(() -> NodeDecoder.decodeFrame(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] compressed(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(2);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflater.write(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombBeyondSixteenMebibytesIsRefused() {
        byte[] bomb = compressed(new byte[NodeLimits.MAX_DECOMPRESSED_BYTES + 1024]);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertRejected(bomb, Reason.LIMIT_EXCEEDED);
    }

    @Test
    void aCompressedNodeJustUnderTheLimitDecodes() {
        Node node = Node.builder("media").bytes(new byte[NodeLimits.MAX_DECOMPRESSED_BYTES - 16]).build();

        assertThat(NodeDecoder.decodeFrame(compressed(NodeEncoder.encodeUnframed(node)))).isEqualTo(node);
    }

    @Test
    void hugeDeclaredLengthsAreRefusedBeforeAllocating() {
        assertRejected(HEX.parseHex("00f802fc0178feffffffff"), Reason.TRUNCATED);
        assertRejected(HEX.parseHex("00f803fc0178fc0176fd0fffff"), Reason.TRUNCATED);
        assertRejected(HEX.parseHex("00f802fc0178f9ffff"), Reason.TRUNCATED);
        assertRejected(HEX.parseHex("00f9ffff3f"), Reason.TRUNCATED);
        assertRejected(HEX.parseHex("00f803fc0178fc0176ff7f"), Reason.TRUNCATED);
    }

    @Test
    void nestingBeyondTheDepthLimitIsRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (int i = 0; i < NodeLimits.MAX_DEPTH + 1; i++) {
            out.writeBytes(HEX.parseHex("f8023ff801"));
        }
        out.writeBytes(HEX.parseHex("f8013f"));

        assertRejected(out.toByteArray(), Reason.LIMIT_EXCEEDED);
    }

    @Test
    void nodesAtTheDepthLimitDecodeAndDeeperOnesAreNotEncoded() {
        Node node = Node.of("leaf");
        for (int i = 1; i < NodeLimits.MAX_DEPTH; i++) {
            node = Node.builder("level").children(node).build();
        }
        Node deepest = node;

        assertThat(NodeDecoder.decodeFrame(NodeEncoder.encode(deepest))).isEqualTo(deepest);
        assertThatThrownBy(() -> NodeEncoder.encode(Node.builder("level").children(deepest).build()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    void jidsNestedBeyondTheLimitAreRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEX.parseHex("00f803fc0178fc0176"));
        for (int i = 0; i < NodeLimits.MAX_JID_NESTING + 1; i++) {
            out.writeBytes(HEX.parseHex("fafc0161"));
        }
        out.write(3);

        assertRejected(out.toByteArray(), Reason.LIMIT_EXCEEDED);
    }

    @Test
    void malformedInputIsTyped() {
        assertRejected(new byte[0], Reason.TRUNCATED);
        assertRejected(HEX.parseHex("00"), Reason.TRUNCATED);
        assertRejected(HEX.parseHex("0000"), Reason.MALFORMED);
        assertRejected(HEX.parseHex("00fc0178"), Reason.MALFORMED);
        assertRejected(HEX.parseHex("00f801fc00"), Reason.MALFORMED);
        assertRejected(HEX.parseHex("00f803fc0178fc0176f0"), Reason.MALFORMED);
        assertRejected(HEX.parseHex("00f8013f00"), Reason.MALFORMED);
        assertRejected(HEX.parseHex("0278da"), Reason.TRUNCATED);
        assertRejected(HEX.parseHex("02ffffffff"), Reason.MALFORMED);
    }

    @Test
    void bytesAfterTheZlibStreamAreRefused() {
        byte[] frame = compressed(HEX.parseHex("f8013f"));
        byte[] withTrailer = java.util.Arrays.copyOf(frame, frame.length + 1);

        assertThat(NodeDecoder.decodeFrame(frame)).isEqualTo(Node.of("item"));
        assertRejected(withTrailer, Reason.MALFORMED);
    }
}
