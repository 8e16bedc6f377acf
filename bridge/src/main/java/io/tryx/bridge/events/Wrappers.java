package io.tryx.bridge.events;

import io.tryx.protocol.proto.E2EProto.Message;

/**
 * Removes the wrappers a message's content can sit in: ephemeral, the three view-once forms (which set the
 * view-once flag), document with caption, edited, group mention, Lottie sticker, bot invoke and device-sent copies.
 * At most a few levels deep; a deeper nesting is left as it is.
 */
final class Wrappers {

    private static final int MAX_DEPTH = 6;

    /** The content message and whether a view-once wrapper (or flag) was on the way. */
    record Unwrapped(Message message, boolean viewOnce) {
    }

    private Wrappers() {
    }

    static Unwrapped unwrap(Message message) {
        Message m = message;
        boolean viewOnce = false;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Message inner;
            if (m.hasEphemeralMessage()) {
                inner = m.getEphemeralMessage().getMessage();
            } else if (m.hasViewOnceMessage()) {
                inner = m.getViewOnceMessage().getMessage();
                viewOnce = true;
            } else if (m.hasViewOnceMessageV2()) {
                inner = m.getViewOnceMessageV2().getMessage();
                viewOnce = true;
            } else if (m.hasViewOnceMessageV2Extension()) {
                inner = m.getViewOnceMessageV2Extension().getMessage();
                viewOnce = true;
            } else if (m.hasDocumentWithCaptionMessage()) {
                inner = m.getDocumentWithCaptionMessage().getMessage();
            } else if (m.hasEditedMessage()) {
                inner = m.getEditedMessage().getMessage();
            } else if (m.hasGroupMentionedMessage()) {
                inner = m.getGroupMentionedMessage().getMessage();
            } else if (m.hasLottieStickerMessage()) {
                inner = m.getLottieStickerMessage().getMessage();
            } else if (m.hasBotInvokeMessage()) {
                inner = m.getBotInvokeMessage().getMessage();
            } else if (m.hasPollCreationMessageV4()) {
                inner = m.getPollCreationMessageV4().getMessage();
            } else if (m.hasDeviceSentMessage()) {
                inner = m.getDeviceSentMessage().getMessage();
            } else {
                break;
            }
            m = inner;
        }
        return new Unwrapped(m, viewOnce || flaggedViewOnce(m));
    }

    private static boolean flaggedViewOnce(Message m) {
        return m.getImageMessage().getViewOnce() || m.getVideoMessage().getViewOnce() || m.getAudioMessage().getViewOnce()
                || m.getExtendedTextMessage().getViewOnce();
    }
}
