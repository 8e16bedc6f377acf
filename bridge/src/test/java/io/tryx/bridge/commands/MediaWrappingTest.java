package io.tryx.bridge.commands;

import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The context and view-once form a command puts around a built media message. */
class MediaWrappingTest {

    private static final ContextInfo REPLY = ContextInfo.newBuilder().setStanzaId("3EB0AA").setParticipant("1@s.whatsapp.net")
            .addMentionedJid("2@s.whatsapp.net").build();

    @Test
    void theContextGoesOnTheMediaEvenInsideADocumentWithCaption() {
        Message image = Message.newBuilder().setImageMessage(Message.ImageMessage.newBuilder().setCaption("c")).build();
        assertThat(MediaWrapping.withContext(image, REPLY).getImageMessage().getContextInfo()).isEqualTo(REPLY);

        Message document = Message.newBuilder().setDocumentWithCaptionMessage(Message.FutureProofMessage.newBuilder()
                .setMessage(Message.newBuilder().setDocumentMessage(Message.DocumentMessage.newBuilder().setCaption("c")))).build();
        Message wrapped = MediaWrapping.withContext(document, REPLY);
        assertThat(wrapped.getDocumentWithCaptionMessage().getMessage().getDocumentMessage().getContextInfo()).isEqualTo(REPLY);
        assertThat(wrapped.getDocumentWithCaptionMessage().getMessage().getDocumentMessage().getCaption()).isEqualTo("c");
    }

    @Test
    void viewOnceFlagsTheMediaAndWrapsItInViewOnceV2() {
        Message video = Message.newBuilder().setVideoMessage(Message.VideoMessage.newBuilder().setCaption("v")).build();
        Message once = MediaWrapping.viewOnce(video);
        assertThat(once.hasVideoMessage()).isFalse();
        assertThat(once.getViewOnceMessageV2().getMessage().getVideoMessage().getViewOnce()).isTrue();
        assertThat(once.getViewOnceMessageV2().getMessage().getVideoMessage().getCaption()).isEqualTo("v");

        Message sticker = Message.newBuilder().setStickerMessage(Message.StickerMessage.getDefaultInstance()).build();
        assertThatThrownBy(() -> MediaWrapping.viewOnce(sticker)).isInstanceOf(IllegalArgumentException.class);
    }
}
