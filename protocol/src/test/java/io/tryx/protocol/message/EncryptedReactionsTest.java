package io.tryx.protocol.message;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedReactionsTest {

    static final byte[] SECRET = filled(32, 7);
    static final byte[] IV = filled(12, 3);
    static final String AUTHOR = "15550001111@s.whatsapp.net";
    static final String REACTOR = "15550002222@s.whatsapp.net";
    static final CommonProto.MessageKey TARGET = CommonProto.MessageKey.newBuilder()
            .setRemoteJid("120363000000000001@g.us").setParticipant(AUTHOR).setFromMe(false).setId("3EB0AABBCCDD").build();

    @Test
    void aReactionDecryptsToItselfWithTheTargetAsKey() {
        var reaction = reaction("❤️");
        var encrypted = EncryptedReactions.encrypt(SECRET, AUTHOR, REACTOR, reaction, IV);

        assertThat(encrypted.getTargetMessageKey()).isEqualTo(TARGET);
        assertThat(encrypted.getEncIv().toByteArray()).isEqualTo(IV);
        assertThat(encrypted.getEncPayload().toStringUtf8()).doesNotContain("❤️");
        assertThat(EncryptedReactions.decrypt(SECRET, AUTHOR, REACTOR, encrypted)).isEqualTo(reaction);
    }

    @Test
    void theKeyBindsTheSecretTheAuthorAndTheReactor() {
        var encrypted = EncryptedReactions.encrypt(SECRET, AUTHOR, REACTOR, reaction("👍"), IV);

        assertThatThrownBy(() -> EncryptedReactions.decrypt(filled(32, 8), AUTHOR, REACTOR, encrypted))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> EncryptedReactions.decrypt(SECRET, REACTOR, REACTOR, encrypted))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> EncryptedReactions.decrypt(SECRET, AUTHOR, "15550003333@s.whatsapp.net", encrypted))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void theKeyIsTheMessageSecretKeyForEncReactionsWithoutAssociatedData() {
        var encrypted = EncryptedReactions.encrypt(SECRET, AUTHOR, REACTOR, reaction("👍"), IV);
        var key = MessageSecretKeys.derive(MessageSecretUseCase.ENC_REACTION, SECRET, TARGET.getId(), AUTHOR, REACTOR);

        assertThat(key.associatedData()).isEmpty();
        byte[] plaintext = key.decrypt(IV, encrypted.getEncPayload().toByteArray());
        assertThat(plaintext).isEqualTo(reaction("👍").toBuilder().clearKey().build().toByteArray());
    }

    @Test
    void aTamperedPayloadOrAShortIvIsMalformed() {
        var encrypted = EncryptedReactions.encrypt(SECRET, AUTHOR, REACTOR, reaction("👍"), IV);
        byte[] payload = encrypted.getEncPayload().toByteArray();
        payload[0] ^= 1;
        var tampered = encrypted.toBuilder().setEncPayload(com.google.protobuf.ByteString.copyFrom(payload)).build();

        assertThatThrownBy(() -> EncryptedReactions.decrypt(SECRET, AUTHOR, REACTOR, tampered)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> EncryptedReactions.encrypt(SECRET, AUTHOR, REACTOR, reaction("👍"), new byte[8]))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("12 bytes");
    }

    private static E2EProto.Message.ReactionMessage reaction(String emoji) {
        return E2EProto.Message.ReactionMessage.newBuilder().setKey(TARGET).setText(emoji).setSenderTimestampMs(1_700_000_000_000L).build();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
