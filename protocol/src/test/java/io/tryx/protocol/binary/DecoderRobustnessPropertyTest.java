package io.tryx.protocol.binary;

import io.tryx.protocol.ProtocolException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to the decoder (random, truncated and bit-flipped frames, plain and compressed) ends in a
 * {@link ProtocolException} or a node, never in another exception; lengths are checked before allocation,
 * so none of these tries allocates more than its input justifies.
 */
class DecoderRobustnessPropertyTest {

    @Provide
    Arbitrary<Node> nodes() {
        return NodeArbitraries.node();
    }

    @Provide
    Arbitrary<byte[]> wireLike() {
        // bytes biased towards the format's tag values, so that random input gets past the first byte
        Arbitrary<Byte> tagBytes = Arbitraries.of(0, 236, 237, 238, 239, 245, 246, 247, 248, 249, 250, 251, 252, 253,
                254, 255, 1, 3, 8).map(Integer::byteValue);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()),
                net.jqwik.api.Tuple.of(1, tagBytes)).array(byte[].class).ofMaxSize(64);
    }

    /** Decodes and reports only what is not a {@link ProtocolException}. */
    private static void decodeSafely(byte[] frame) {
        try {
            NodeDecoder.decodeFrame(frame);
        } catch (ProtocolException expected) {
            // the only acceptable failure
        }
    }

    @Property(tries = 1000)
    void randomBytesOnlyRaiseProtocolException(@ForAll byte @Size(max = 64) [] frame) {
        decodeSafely(frame);
    }

    @Property(tries = 1000)
    void wireLikeBytesOnlyRaiseProtocolException(@ForAll("wireLike") byte[] frame) {
        decodeSafely(frame);
        byte[] plain = new byte[frame.length + 1];
        System.arraycopy(frame, 0, plain, 1, frame.length);
        decodeSafely(plain);
    }

    @Property(tries = 500)
    void everyTruncationOfAFrameRaisesProtocolException(@ForAll("nodes") Node node, @ForAll @IntRange(max = 10_000) int cut) {
        byte[] frame = NodeEncoder.encode(node);
        byte[] truncated = Arrays.copyOf(frame, cut % frame.length);

        try {
            NodeDecoder.decodeFrame(truncated);
            // only an interop JID at the very end may lose its optional server and still decode (as Baileys reads it)
            assertThat(truncated).contains((byte) WireTags.INTEROP_JID);
        } catch (ProtocolException expected) {
            // the normal outcome
        }
    }

    @Property(tries = 1000)
    void bitFlipsOnlyRaiseProtocolException(@ForAll("nodes") Node node, @ForAll List<@IntRange(max = 100_000) Integer> flips) {
        byte[] frame = NodeEncoder.encode(node);
        for (int flip : flips) {
            int bit = flip % (frame.length * 8 - 8) + 8;
            frame[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        decodeSafely(frame);
    }

    @Property(tries = 500)
    void damagedCompressedFramesOnlyRaiseProtocolException(@ForAll("nodes") Node node,
                                                          @ForAll @IntRange(max = 100_000) int position, @ForAll byte value) {
        byte[] frame = NodeEncoder.encodeCompressed(node);
        byte[] damaged = frame.clone();
        damaged[1 + position % (frame.length - 1)] ^= value == 0 ? 1 : value;
        decodeSafely(damaged);
        decodeSafely(Arrays.copyOf(frame, 1 + position % (frame.length - 1)));
    }

    @Property(tries = 500)
    void randomCompressedPayloadsOnlyRaiseProtocolException(@ForAll byte @Size(max = 64) [] payload) {
        byte[] frame = new byte[payload.length + 1];
        frame[0] = 2;
        System.arraycopy(payload, 0, frame, 1, payload.length);
        decodeSafely(frame);
    }
}
