package io.tryx.bridge.events;

import io.tryx.protocol.proto.E2EProto.Message;

/** The text a message shows: its text, or the caption of its media; null when it has none. */
final class Texts {

    private Texts() {
    }

    static String of(Message m) {
        String text = null;
        if (m.hasConversation()) {
            text = m.getConversation();
        } else if (m.hasExtendedTextMessage()) {
            text = m.getExtendedTextMessage().getText();
        } else if (m.hasImageMessage()) {
            text = m.getImageMessage().getCaption();
        } else if (m.hasVideoMessage()) {
            text = m.getVideoMessage().getCaption();
        } else if (m.hasDocumentMessage()) {
            text = m.getDocumentMessage().getCaption();
        }
        return text == null || text.isEmpty() ? null : text;
    }
}
