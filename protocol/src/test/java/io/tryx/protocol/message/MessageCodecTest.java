package io.tryx.protocol.message;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.E2EProto;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageCodecTest {

    private static final E2EProto.Message TEXT = E2EProto.Message.newBuilder().setConversation("olá").build();

    @Test
    void decodeUndoesEncode() {
        byte[] plaintext = MessageCodec.encode(TEXT, new SplittableRandom(3));

        assertThat(plaintext.length - TEXT.getSerializedSize()).isBetween(1, 16);
        assertThat(MessageCodec.decode(plaintext)).isEqualTo(TEXT);
    }

    @Test
    void badPaddingIsMalformed() {
        byte[] unpadded = TEXT.toByteArray();

        assertThatThrownBy(() -> MessageCodec.decode(unpadded))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.MALFORMED));
    }

    @Test
    void invalidProtobufInsideValidPaddingIsMalformed() {
        byte[] truncated = MessagePadding.pad(new byte[] {0x0a, 0x10, 'x'}, 4);

        assertThatThrownBy(() -> MessageCodec.decode(truncated))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.MALFORMED));
    }
}
