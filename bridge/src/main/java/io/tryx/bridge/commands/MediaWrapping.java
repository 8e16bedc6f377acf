package io.tryx.bridge.commands;

import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.Message;

/**
 * What a command adds around a built media message: the context (on the media sub-message, also inside
 * {@code documentWithCaptionMessage}) and the view-once form (the flag on the image, video or audio and the
 * {@code viewOnceMessageV2} wrapper WhatsApp sends).
 */
final class MediaWrapping {

    private MediaWrapping() {
    }

    static Message withContext(Message m, ContextInfo info) {
        Message.Builder b = m.toBuilder();
        if (m.hasImageMessage()) {
            b.getImageMessageBuilder().setContextInfo(info);
        } else if (m.hasVideoMessage()) {
            b.getVideoMessageBuilder().setContextInfo(info);
        } else if (m.hasAudioMessage()) {
            b.getAudioMessageBuilder().setContextInfo(info);
        } else if (m.hasDocumentMessage()) {
            b.getDocumentMessageBuilder().setContextInfo(info);
        } else if (m.hasStickerMessage()) {
            b.getStickerMessageBuilder().setContextInfo(info);
        } else if (m.hasDocumentWithCaptionMessage()) {
            b.getDocumentWithCaptionMessageBuilder().setMessage(withContext(m.getDocumentWithCaptionMessage().getMessage(), info));
        } else {
            throw new IllegalArgumentException("not a media message");
        }
        return b.build();
    }

    static Message viewOnce(Message m) {
        Message.Builder b = m.toBuilder();
        if (m.hasImageMessage()) {
            b.getImageMessageBuilder().setViewOnce(true);
        } else if (m.hasVideoMessage()) {
            b.getVideoMessageBuilder().setViewOnce(true);
        } else if (m.hasAudioMessage()) {
            b.getAudioMessageBuilder().setViewOnce(true);
        } else {
            throw new IllegalArgumentException("view-once applies to image, video and audio only");
        }
        return Message.newBuilder().setViewOnceMessageV2(Message.FutureProofMessage.newBuilder().setMessage(b)).build();
    }
}
