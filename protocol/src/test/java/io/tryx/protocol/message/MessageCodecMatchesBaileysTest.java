package io.tryx.protocol.message;

import com.google.protobuf.Message;
import io.tryx.protocol.interop.ProtoPeer;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.ProtoJson;
import io.tryx.protocol.proto.ProtoSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static io.tryx.protocol.proto.ProtoJson.canonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/** Padded message plaintexts against Baileys' {@code encodeWAMessage} and its receive path, both directions. */
class MessageCodecMatchesBaileysTest {

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

    static Stream<Arguments> messages() {
        return ProtoSamples.all().entrySet().stream().filter(e -> e.getValue() instanceof E2EProto.Message)
                .map(e -> Arguments.of(named(e.getKey(), e.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void baileysReadsWhatJavaEncodes(Message message) {
        byte[] plaintext = MessageCodec.encode((E2EProto.Message) message, new SplittableRandom(message.hashCode()));

        assertThat(canonical(peer.decodeWAMessage(plaintext))).isEqualTo(canonical(ProtoJson.toJson(message)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void javaReadsWhatBaileysEncodes(Message message) {
        byte randomByte = (byte) message.getSerializedSize();
        byte[] plaintext = peer.encodeWAMessage(ProtoJson.toJson(message), randomByte);

        // Baileys' proto3 schema packs some repeated scalars WhatsApp leaves unpacked, so compare values, not sizes
        assertThat(plaintext[plaintext.length - 1]).isEqualTo((byte) ((randomByte & 0x0f) + 1));
        assertThat(MessageCodec.decode(plaintext)).isEqualTo(message);
    }
}
