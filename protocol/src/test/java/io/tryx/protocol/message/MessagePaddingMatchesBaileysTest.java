package io.tryx.protocol.message;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.interop.ProtoPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Padding against Baileys' {@code writeRandomPadMax16} / {@code unpadRandomMax16}, both directions. */
class MessagePaddingMatchesBaileysTest {

    private static ProtoPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = ProtoPeer.open();
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    @ParameterizedTest(name = "{0} byte payload")
    @ValueSource(ints = {0, 1, 15, 16, 17, 1000})
    void baileysUnpadsWhatJavaPads(int size) {
        byte[] data = payload(size);
        for (int padLength = 1; padLength <= 16; padLength++) {
            assertThat(peer.unpad(MessagePadding.pad(data, padLength))).as("pad %d", padLength).isEqualTo(data);
        }
    }

    @Test
    void javaUnpadsWhatBaileysPadsForEveryRandomByte() {
        byte[] data = payload(33);
        for (int b = 0; b < 256; b++) {
            byte[] padded = peer.pad(data, (byte) b);

            assertThat(padded).as("random byte %d", b).isEqualTo(MessagePadding.pad(data, (b & 0x0f) + 1));
            assertThat(MessagePadding.unpad(padded)).isEqualTo(data);
        }
    }

    @Test
    void bothRejectEmptyInputAndPadsLongerThanTheData() {
        for (byte[] bad : new byte[][] {{}, {5, 5, 5}, {(byte) 0x80}}) {
            assertThatThrownBy(() -> peer.unpad(bad)).isInstanceOf(ProtoPeer.PeerException.class);
            assertThatThrownBy(() -> MessagePadding.unpad(bad)).isInstanceOf(ProtocolException.class);
        }
    }

    private static byte[] payload(int size) {
        byte[] data = new byte[size];
        new SplittableRandom(size).nextBytes(data);
        return data;
    }
}
