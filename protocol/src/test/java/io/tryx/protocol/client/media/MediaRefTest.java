package io.tryx.protocol.client.media;

import com.google.protobuf.ByteString;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.E2EProto.Message;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Media references read from messages, and the download urls built from them. */
class MediaRefTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] HASH = new byte[32];

    static {
        HASH[0] = (byte) 0xFB;
        HASH[1] = (byte) 0xFF;
    }

    @Test
    void aDocumentWithCaptionInsideAnEphemeralWrapperIsFound() {
        Message document = Message.newBuilder().setDocumentMessage(Message.DocumentMessage.newBuilder()
                .setDirectPath("/v/t62/abc.enc?ccb=11-4").setMediaKey(ByteString.copyFrom(KEY))
                .setFileEncSha256(ByteString.copyFrom(HASH)).setFileLength(1234)).build();
        Message wrapped = Message.newBuilder().setEphemeralMessage(Message.FutureProofMessage.newBuilder().setMessage(
                Message.newBuilder().setDocumentWithCaptionMessage(Message.FutureProofMessage.newBuilder().setMessage(document))))
                .build();
        MediaRef ref = MediaRef.from(wrapped).orElseThrow();
        assertThat(ref.type()).isEqualTo(MediaType.DOCUMENT);
        assertThat(ref.fileLength()).isEqualTo(1234);
        assertThat(ref.fileSha256()).isNull();
        assertThat(ref.maxEncryptedLength()).isEqualTo(1248 + 10);
        assertThat(MediaRef.from(Message.newBuilder().setConversation("hi").build())).isEmpty();
    }

    @Test
    void voiceNotesAndGifsExpandTheirBaseKindsKeys() {
        Message ptt = Message.newBuilder().setAudioMessage(Message.AudioMessage.newBuilder().setUrl("https://h/x")
                .setMediaKey(ByteString.copyFrom(KEY)).setPtt(true)).build();
        assertThat(MediaRef.from(ptt).orElseThrow().type()).isEqualTo(MediaType.VOICE_NOTE);
        Message gif = Message.newBuilder().setVideoMessage(Message.VideoMessage.newBuilder().setUrl("https://h/x")
                .setMediaKey(ByteString.copyFrom(KEY)).setGifPlayback(true)).build();
        assertThat(MediaRef.from(gif).orElseThrow().type()).isEqualTo(MediaType.GIF);
    }

    @Test
    void theDownloadUrlAppendsHashAndTypeAsWhatsAppWebDoes() {
        MediaRef ref = new MediaRef("/v/t62/abc.enc?ccb=11-4", null, KEY, MediaType.IMAGE, null, HASH, 10);
        assertThat(MediaDownloader.directUri("mmg.whatsapp.net", ref).toString()).isEqualTo(
                "https://mmg.whatsapp.net/v/t62/abc.enc?ccb=11-4&hash=" + Base64.getUrlEncoder().encodeToString(HASH)
                        + "&mms-type=image&__wa-mms=");
        MediaRef bare = new MediaRef("/v/t62/abc.enc", null, KEY, MediaType.HISTORY, null, null, -1);
        assertThat(MediaDownloader.directUri("127.0.0.1:4443", bare).toString())
                .isEqualTo("https://127.0.0.1:4443/v/t62/abc.enc?mms-type=md-msg-hist&__wa-mms=");
    }

    @Test
    void invalidReferencesAreRefusedAtOnce() {
        assertThatThrownBy(() -> new MediaRef(null, null, KEY, MediaType.IMAGE, null, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaRef("v/no-slash", null, KEY, MediaType.IMAGE, null, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaRef("/p", null, new byte[16], MediaType.IMAGE, null, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaRef("/p", null, KEY, MediaType.IMAGE, new byte[20], null, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
