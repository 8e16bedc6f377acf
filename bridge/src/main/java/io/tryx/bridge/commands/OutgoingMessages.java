package io.tryx.bridge.commands;

import com.google.protobuf.ByteString;
import io.tryx.common.v1.ContactCard;
import io.tryx.common.v1.ContactsContent;
import io.tryx.common.v1.LinkPreview;
import io.tryx.common.v1.LocationContent;
import io.tryx.common.v1.MessageContext;
import io.tryx.common.v1.QuotedMessage;
import io.tryx.common.v1.TextContent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.Message;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Builds the E2E {@code Message} a {@code SendMessage} asks for: a plain {@code conversation} for bare text, an
 * {@code extendedTextMessage} when the text has a link preview or a context (reply, mentions, forwarding, timer),
 * a {@code locationMessage}, a {@code contactMessage} or {@code contactsArrayMessage}.
 */
final class OutgoingMessages {

    private OutgoingMessages() {
    }

    static Message text(TextContent text, Optional<MessageContext> context, String account) {
        Optional<ContextInfo> info = context.map(c -> contextInfo(c, account)).filter(i -> !i.equals(ContextInfo.getDefaultInstance()));
        if (text.getLinkPreview().isEmpty() && info.isEmpty()) {
            return Message.newBuilder().setConversation(text.getText()).build();
        }
        Message.ExtendedTextMessage.Builder extended = Message.ExtendedTextMessage.newBuilder().setText(text.getText());
        text.getLinkPreview().ifPresent(preview -> preview(extended, preview));
        info.ifPresent(extended::setContextInfo);
        return Message.newBuilder().setExtendedTextMessage(extended).build();
    }

    static Message location(LocationContent location, Optional<MessageContext> context, String account) {
        Message.LocationMessage.Builder built = Message.LocationMessage.newBuilder()
                .setDegreesLatitude(location.getLatitude()).setDegreesLongitude(location.getLongitude())
                .setIsLive(location.getLive());
        location.getName().ifPresent(built::setName);
        location.getAddress().ifPresent(built::setAddress);
        location.getUrl().ifPresent(built::setUrl);
        location.getAccuracyMeters().ifPresent(built::setAccuracyInMeters);
        location.getComment().ifPresent(built::setComment);
        context.map(c -> contextInfo(c, account)).ifPresent(built::setContextInfo);
        return Message.newBuilder().setLocationMessage(built).build();
    }

    static Message contacts(ContactsContent contacts, Optional<MessageContext> context, String account) {
        if (contacts.getContacts().isEmpty()) {
            throw CommandFailure.invalid("ContactsContent needs at least one contact card");
        }
        Optional<ContextInfo> info = context.map(c -> contextInfo(c, account));
        if (contacts.getContacts().size() == 1) {
            Message.ContactMessage.Builder card = card(contacts.getContacts().getFirst()).toBuilder();
            info.ifPresent(card::setContextInfo);
            return Message.newBuilder().setContactMessage(card).build();
        }
        Message.ContactsArrayMessage.Builder array = Message.ContactsArrayMessage.newBuilder()
                .setDisplayName(contacts.getContacts().size() + " contacts");
        contacts.getContacts().forEach(c -> array.addContacts(card(c)));
        info.ifPresent(array::setContextInfo);
        return Message.newBuilder().setContactsArrayMessage(array).build();
    }

    private static Message.ContactMessage card(ContactCard card) {
        return Message.ContactMessage.newBuilder().setDisplayName(card.getDisplayName()).setVcard(card.getVcard()).build();
    }

    private static void preview(Message.ExtendedTextMessage.Builder extended, LinkPreview preview) {
        extended.setMatchedText(preview.getMatchedText());
        preview.getTitle().ifPresent(extended::setTitle);
        preview.getDescription().ifPresent(extended::setDescription);
        preview.getThumbnailJpeg().map(OutgoingMessages::bytes).ifPresent(extended::setJpegThumbnail);
    }

    /** The protobuf context; a quoted message of ours names our account as its author, others the given sender or the chat. */
    static ContextInfo contextInfo(MessageContext context, String account) {
        ContextInfo.Builder info = ContextInfo.newBuilder();
        context.getQuoted().ifPresent(quoted -> quote(info, quoted, account));
        for (String mention : context.getMentions()) {
            info.addMentionedJid(Jid.parse(mention).toNonAd().toString());
        }
        if (context.getForwarded()) {
            info.setIsForwarded(true).setForwardingScore(Math.max(1, context.getForwardingScore()));
        }
        context.getEphemeralExpirationSeconds().ifPresent(info::setExpiration);
        return info.build();
    }

    private static void quote(ContextInfo.Builder info, QuotedMessage quoted, String account) {
        String chat = Jid.parse(quoted.getKey().getChat()).toString();
        String author = quoted.getKey().getFromMe() ? account
                : quoted.getKey().getSender().map(s -> Jid.parse(s).toNonAd().toString()).orElse(chat);
        info.setStanzaId(quoted.getKey().getId()).setParticipant(author);
        quoted.getText().ifPresent(text -> info.setQuotedMessage(Message.newBuilder().setConversation(text)));
    }

    private static ByteString bytes(ByteBuffer buffer) {
        return ByteString.copyFrom(buffer.duplicate());
    }
}
