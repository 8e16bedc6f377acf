package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Hostile and broken streams make the frame decoder yield frames or a ProtocolException, nothing else. */
class FrameDecoderPropertyTest {

    private static final int MAX = 4096;

    @Property(tries = 300)
    void randomBytesInRandomFragmentsYieldBoundedFramesOrProtocolException(
            @ForAll @Size(max = 3000) byte[] input, @ForAll long seed, @ForAll boolean server) {
        FrameDecoder decoder = server ? FrameDecoder.forClientStream(MAX) : FrameDecoder.forServerStream(MAX);
        List<byte[]> frames = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> feed(decoder, input, seed, frames));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ProtocolException.class));
        assertThat(frames).allSatisfy(frame -> assertThat(frame.length).isLessThanOrEqualTo(MAX));
    }

    @Property(tries = 200)
    void validStreamsSurviveAnyFragmentation(@ForAll("payloads") List<byte[]> payloads, @ForAll long seed) {
        byte[] wire = encode(payloads);
        FrameDecoder decoder = FrameDecoder.forClientStream(MAX);
        List<byte[]> frames = new ArrayList<>();
        feed(decoder, wire, seed, frames);
        assertThat(frames).containsExactlyElementsOf(payloads);
        assertThat(decoder.isIdle()).isTrue();
    }

    @Property(tries = 200)
    void truncatedStreamsYieldAPrefixOfTheFramesAndNeverThrow(@ForAll("payloads") List<byte[]> payloads,
                                                              @ForAll @IntRange(max = 100_000) int cut, @ForAll long seed) {
        byte[] wire = encode(payloads);
        byte[] truncated = Arrays.copyOf(wire, Math.min(cut, wire.length));
        List<byte[]> frames = new ArrayList<>();
        feed(FrameDecoder.forClientStream(MAX), truncated, seed, frames);
        assertThat(payloads.subList(0, frames.size())).containsExactlyElementsOf(frames);
    }

    @Property(tries = 200)
    void bitFlippedStreamsYieldFramesOrProtocolException(@ForAll("payloads") List<byte[]> payloads,
                                                         @ForAll @IntRange(max = 1_000_000) int bit, @ForAll long seed) {
        byte[] wire = encode(payloads);
        int position = bit % (wire.length * 8);
        wire[position / 8] ^= (byte) (1 << (position % 8));
        List<byte[]> frames = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> feed(FrameDecoder.forClientStream(MAX), wire, seed, frames));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ProtocolException.class));
    }

    @Provide
    Arbitrary<List<byte[]>> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(MAX).list().ofMaxSize(12);
    }

    /** The connection header followed by one frame per payload, as a client sends them. */
    private static byte[] encode(List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ConnectionHeader.routed(new byte[] {4, 2}).encode());
        FrameEncoder encoder = FrameEncoder.framesOnly();
        payloads.forEach(p -> out.writeBytes(encoder.encode(p)));
        return out.toByteArray();
    }

    private static void feed(FrameDecoder decoder, byte[] input, long seed, List<byte[]> frames) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int position = 0; position < input.length; ) {
            int n = Math.min(input.length - position, random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(600));
            decoder.decode(input, position, n, frames::add);
            position += n;
        }
    }
}
