package io.tryx.protocol.message;

import io.tryx.protocol.ProtocolException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagePaddingTest {

    @Test
    void appendsPadLengthCopiesOfThePadLength() {
        assertThat(MessagePadding.pad(new byte[] {9, 9}, 1)).containsExactly(9, 9, 1);
        assertThat(MessagePadding.pad(new byte[0], 16)).hasSize(16).containsOnly(16);
    }

    @Test
    void padLengthIsTheLowNibbleOfARandomBytePlusOne() {
        assertThat(MessagePadding.pad(new byte[] {1}, fixedByte(0xF7))).containsExactly(1, 8, 8, 8, 8, 8, 8, 8, 8);
        assertThat(MessagePadding.pad(new byte[] {1}, fixedByte(0x10))).containsExactly(1, 1);
        assertThat(MessagePadding.pad(new byte[] {1}, fixedByte(0x0F))).hasSize(17);
    }

    @Test
    void rejectsPadLengthsOutside1To16() {
        assertThatThrownBy(() -> MessagePadding.pad(new byte[1], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessagePadding.pad(new byte[1], 17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stripsThePadding() {
        assertThat(MessagePadding.unpad(new byte[] {5, 6, 2, 2})).containsExactly(5, 6);
        assertThat(MessagePadding.unpad(new byte[] {1})).isEmpty();
    }

    @Test
    void emptyInputIsMalformed() {
        assertMalformed(new byte[0]);
    }

    @Test
    void zeroPadLengthIsMalformed() {
        assertMalformed(new byte[] {1, 2, 0});
    }

    @Test
    void padLongerThanTheDataIsMalformed() {
        assertMalformed(new byte[] {3, 3});
        assertMalformed(new byte[] {(byte) 0xff});
    }

    @Test
    void padBytesDifferingFromThePadLengthAreMalformed() {
        assertMalformed(new byte[] {1, 2, 4, 3, 3});
    }

    @Test
    void unpadUndoesPadForEveryPadLengthAndSeveralSizes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int size : new int[] {0, 1, 2, 15, 16, 17, 255, 256, 4096}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            for (int padLength = 1; padLength <= MessagePadding.MAX_PAD; padLength++) {
                assertThat(MessagePadding.unpad(MessagePadding.pad(data, padLength))).isEqualTo(data);
            }
        }
    }

    @Property
    void unpadUndoesPadOfAnyLength(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(min = 1, max = 16) int padLength) {
        assertThat(MessagePadding.unpad(MessagePadding.pad(data, padLength))).isEqualTo(data);
    }

    @Property
    void unpadUndoesRandomPad(@ForAll @Size(max = 300) byte[] data, @ForAll long seed) {
        byte[] padded = MessagePadding.pad(data, new SplittableRandom(seed));

        assertThat(padded.length - data.length).isBetween(1, 16);
        assertThat(MessagePadding.unpad(padded)).isEqualTo(data);
    }

    private static void assertMalformed(byte[] padded) {
        assertThatThrownBy(() -> MessagePadding.unpad(padded))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.MALFORMED));
    }

    private static RandomGenerator fixedByte(int value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextBytes is expected");
            }

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) value);
            }
        };
    }
}
