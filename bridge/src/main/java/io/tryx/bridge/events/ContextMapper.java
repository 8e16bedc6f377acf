package io.tryx.bridge.events;

import io.tryx.common.v1.MessageContext;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.QuotedMessage;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.Message;

import java.util.List;

/** The {@code contextInfo} of a message's content (reply, mentions, forwarding, disappearing timer) as a {@link MessageContext}. */
final class ContextMapper {

    private ContextMapper() {
    }

    /** The context of the content {@code message} (already unwrapped); empty defaults when it carries none. */
    static MessageContext context(Message message, MessageInfo info, EventOrigin origin) {
        ContextInfo context = contextInfo(message);
        if (context == null) {
            return MessageContext.newBuilder().build();
        }
        return MessageContext.newBuilder()
                .setQuoted(context.getStanzaId().isEmpty() ? null : quoted(context, info, origin))
                .setMentions(List.copyOf(context.getMentionedJidList()))
                .setForwarded(context.getIsForwarded())
                .setForwardingScore(context.getForwardingScore())
                .setEphemeralExpirationSeconds(context.getExpiration() > 0 ? context.getExpiration() : null)
                .build();
    }

    private static QuotedMessage quoted(ContextInfo context, MessageInfo info, EventOrigin origin) {
        String author = context.getParticipant().isEmpty() ? null : context.getParticipant();
        String chat = context.getRemoteJid().isEmpty() ? info.chat().toString() : context.getRemoteJid();
        boolean fromMe = author == null ? info.fromMe() : origin.isOwn(author);
        MessageKey key = MessageKey.newBuilder().setChat(chat).setId(context.getStanzaId()).setFromMe(fromMe)
                .setSender(info.group() ? author : null).build();
        String text = context.hasQuotedMessage() ? Texts.of(Wrappers.unwrap(context.getQuotedMessage()).message()) : null;
        return QuotedMessage.newBuilder().setKey(key).setText(text).build();
    }

    /** The contextInfo of whichever content field is set, or null. */
    static ContextInfo contextInfo(Message m) {
        ContextInfo found = null;
        if (m.hasExtendedTextMessage()) {
            found = m.getExtendedTextMessage().getContextInfo();
        } else if (m.hasImageMessage()) {
            found = m.getImageMessage().getContextInfo();
        } else if (m.hasVideoMessage()) {
            found = m.getVideoMessage().getContextInfo();
        } else if (m.hasPtvMessage()) {
            found = m.getPtvMessage().getContextInfo();
        } else if (m.hasAudioMessage()) {
            found = m.getAudioMessage().getContextInfo();
        } else if (m.hasDocumentMessage()) {
            found = m.getDocumentMessage().getContextInfo();
        } else if (m.hasStickerMessage()) {
            found = m.getStickerMessage().getContextInfo();
        } else if (m.hasLocationMessage()) {
            found = m.getLocationMessage().getContextInfo();
        } else if (m.hasLiveLocationMessage()) {
            found = m.getLiveLocationMessage().getContextInfo();
        } else if (m.hasContactMessage()) {
            found = m.getContactMessage().getContextInfo();
        } else if (m.hasContactsArrayMessage()) {
            found = m.getContactsArrayMessage().getContextInfo();
        } else if (m.hasGroupInviteMessage()) {
            found = m.getGroupInviteMessage().getContextInfo();
        } else if (PollMapper.creation(m) != null) {
            found = PollMapper.creation(m).getContextInfo();
        }
        return found;
    }
}
