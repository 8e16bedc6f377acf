package io.tryx.protocol.proto;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.CommonProto.MessageKey;
import io.tryx.protocol.proto.HistoryProto.HistorySync;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtobufsTest {

    @Test
    void parsesAValidEncoding() {
        MessageKey key = MessageKey.newBuilder().setRemoteJid("1@s.whatsapp.net").setId("3EB0AA").setFromMe(true).build();

        assertThat(Protobufs.parse(MessageKey.parser(), key.toByteArray())).isEqualTo(key);
    }

    @Test
    void truncatedInputIsMalformed() {
        byte[] bytes = MessageKey.newBuilder().setRemoteJid("1@s.whatsapp.net").build().toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);

        assertReason(() -> Protobufs.parse(MessageKey.parser(), truncated), ProtocolException.Reason.MALFORMED);
    }

    @Test
    void invalidWireTypeIsMalformed() {
        assertReason(() -> Protobufs.parse(MessageKey.parser(), new byte[] {0x0f, 0x01}), ProtocolException.Reason.MALFORMED);
    }

    @Test
    void absentRequiredFieldIsReported() {
        byte[] noKey = WebMessageInfo.newBuilder().setMessageTimestamp(1).buildPartial().toByteArray();

        assertReason(() -> Protobufs.parse(WebMessageInfo.parser(), noKey), ProtocolException.Reason.MISSING_FIELD);
        assertReason(() -> Protobufs.parse(HistorySync.parser(), new byte[0]), ProtocolException.Reason.MISSING_FIELD);
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ProtocolException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
