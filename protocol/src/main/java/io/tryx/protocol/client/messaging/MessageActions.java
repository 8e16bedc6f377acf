package io.tryx.protocol.client.messaging;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.DeviceCredentials;

import java.util.Objects;
import java.util.Optional;

/**
 * Builds the messages that act on another message (react, edit, revoke) and names the stanza's {@code edit}
 * attribute WhatsApp expects for them: {@code 1} edit, {@code 2} pin, {@code 7} sender revoke (also a removed
 * reaction), {@code 8} admin revoke.
 */
public final class MessageActions {

    /** The reaction text that removes a reaction. */
    public static final String REMOVE_REACTION = "";

    private MessageActions() {
    }

    /**
     * The key naming {@code id} in {@code chat} written by {@code sender} (a user JID), as the acting device
     * writes it: {@code fromMe} when we wrote it, the author as {@code participant} in groups.
     */
    public static CommonProto.MessageKey key(Jid chat, Jid sender, String id, DeviceCredentials own) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(id, "id");
        boolean fromMe = sender == null || sender.sameUser(own.deviceJid()) || (own.lid() != null && sender.sameUser(own.lid()));
        CommonProto.MessageKey.Builder key = CommonProto.MessageKey.newBuilder().setRemoteJid(chat.toString())
                .setFromMe(fromMe).setId(id);
        if (chat.isGroup() && sender != null) {
            key.setParticipant(sender.toNonAd().toString());
        }
        return key.build();
    }

    /** A reaction ({@link #REMOVE_REACTION} removes ours). */
    public static E2EProto.Message reaction(CommonProto.MessageKey target, String emoji, long nowMillis) {
        return E2EProto.Message.newBuilder().setReactionMessage(E2EProto.Message.ReactionMessage.newBuilder()
                .setKey(target).setText(Objects.requireNonNull(emoji, "emoji")).setSenderTimestampMs(nowMillis)).build();
    }

    /** An edit of our own message {@code id} in {@code chat}: its new content. */
    public static E2EProto.Message edit(Jid chat, String id, E2EProto.Message newContent, long nowMillis) {
        E2EProto.Message.ProtocolMessage edit = E2EProto.Message.ProtocolMessage.newBuilder()
                .setType(E2EProto.Message.ProtocolMessage.Type.MESSAGE_EDIT)
                .setKey(CommonProto.MessageKey.newBuilder().setRemoteJid(chat.toString()).setFromMe(true).setId(id))
                .setEditedMessage(newContent).setTimestampMs(nowMillis).build();
        return E2EProto.Message.newBuilder().setEditedMessage(E2EProto.Message.FutureProofMessage.newBuilder()
                .setMessage(E2EProto.Message.newBuilder().setProtocolMessage(edit))).build();
    }

    /** A revoke (delete for everyone) of the message {@code target} names. */
    public static E2EProto.Message revoke(CommonProto.MessageKey target) {
        return E2EProto.Message.newBuilder().setProtocolMessage(E2EProto.Message.ProtocolMessage.newBuilder()
                .setType(E2EProto.Message.ProtocolMessage.Type.REVOKE).setKey(target)).build();
    }

    /** The stanza's {@code edit} attribute for {@code message}, if it has one. */
    static Optional<String> editAttribute(E2EProto.Message message) {
        if (message.hasEditedMessage() && message.getEditedMessage().hasMessage()) {
            return editAttribute(message.getEditedMessage().getMessage());
        }
        if (message.hasProtocolMessage() && message.getProtocolMessage().hasKey()) {
            E2EProto.Message.ProtocolMessage protocol = message.getProtocolMessage();
            if (protocol.getType() == E2EProto.Message.ProtocolMessage.Type.REVOKE) {
                return Optional.of(protocol.getKey().getFromMe() ? "7" : "8");
            }
            if (protocol.getType() == E2EProto.Message.ProtocolMessage.Type.MESSAGE_EDIT && protocol.hasEditedMessage()) {
                return Optional.of("1");
            }
        }
        if (message.hasReactionMessage() && message.getReactionMessage().getText().equals(REMOVE_REACTION)) {
            return Optional.of("7");
        }
        if (message.hasPinInChatMessage()) {
            return Optional.of("2");
        }
        return Optional.empty();
    }
}
