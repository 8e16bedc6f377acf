package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private final SplittableRandom random = new SplittableRandom(3);

    @Test
    void encoderWritesAThreeByteBigEndianLength() {
        byte[] payload = new byte[0x01_02_03];
        byte[] wire = FrameEncoder.framesOnly().encode(payload);
        assertThat(wire).hasSize(3 + payload.length);
        assertThat(HEX.formatHex(wire, 0, 3)).isEqualTo("010203");
        assertThat(FrameEncoder.framesOnly().encode(new byte[0])).containsExactly(0, 0, 0);
    }

    @Test
    void clientEncoderPrependsItsHeaderToTheFirstFrameOnly() {
        FrameEncoder encoder = FrameEncoder.withConnectionHeader(ConnectionHeader.routed(new byte[] {9, 9}));
        assertThat(HEX.formatHex(encoder.encode(new byte[] {1}))).isEqualTo("4544000100000209095741060300000101");
        assertThat(HEX.formatHex(encoder.encode(new byte[] {2}))).isEqualTo("00000102");
        assertThat(HEX.formatHex(FrameEncoder.withConnectionHeader(ConnectionHeader.plain()).encode(new byte[0])))
                .isEqualTo("57410603000000");
    }

    @Test
    void decoderYieldsWholeFramesWhateverTheFragmentation() {
        List<byte[]> payloads = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FrameEncoder encoder = FrameEncoder.withConnectionHeader(ConnectionHeader.routed(new byte[] {1, 2, 3}));
        for (int i = 0; i < 200; i++) {
            byte[] payload = new byte[i % 17 == 0 ? 0 : random.nextInt(i % 5 == 0 ? 70_000 : 300)];
            random.nextBytes(payload);
            payloads.add(payload);
            wire.writeBytes(encoder.encode(payload));
        }
        for (int pass = 0; pass < 3; pass++) {
            FrameDecoder decoder = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);
            ByteStream stream = new ByteStream();
            stream.write(wire.toByteArray());
            assertThat(stream.drainInFragments(random, decoder::decode)).containsExactlyElementsOf(payloads);
            assertThat(decoder.connectionHeader().routingInfo()).containsExactly(1, 2, 3);
            assertThat(decoder.isIdle()).isTrue();
        }
    }

    @Test
    void manyFramesInOneChunkAndOneByteAtATimeAgree() {
        byte[] wire = HEX.parseHex("000000" + "000001ff" + "0000020102" + "000003aabbcc");
        assertThat(FrameDecoder.forServerStream(10).decode(wire)).hasSize(4);
        FrameDecoder decoder = FrameDecoder.forServerStream(10);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            decoder.decode(wire, i, 1, frames::add);
            assertThat(decoder.isIdle()).isEqualTo(i == 2 || i == 6 || i == 11 || i == wire.length - 1);
        }
        assertThat(frames).extracting(HEX::formatHex).containsExactly("", "ff", "0102", "aabbcc");
    }

    @Test
    void oversizedFramesAreRefusedBeforeAllocationAndTheDecoderStaysFailed() {
        FrameDecoder decoder = FrameDecoder.forServerStream(1024);
        assertThat(decoder.decode(HEX.parseHex("000400"))).isEmpty();
        decoder.decode(new byte[1024]);
        assertThatThrownBy(() -> decoder.decode(HEX.parseHex("000401")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
        assertThatThrownBy(() -> decoder.decode(new byte[1]))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    void encoderRefusesPayloadsBeyondThreeByteLengths() {
        assertThatThrownBy(() -> FrameEncoder.framesOnly().encode(new byte[1 << 24]))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    void serverDecoderRejectsStreamsWithoutAWhatsAppHeader() {
        assertThatThrownBy(() -> FrameDecoder.forClientStream(100).decode(HEX.parseHex("00000000")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
}
