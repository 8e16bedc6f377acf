package io.tryx.protocol.client.history;

import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.CommonProto.MessageKey;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;

import java.time.Instant;
import java.util.Optional;

/** Turns a history {@code WebMessageInfo} into a {@link HistoryMessage}; empty when it lacks an id or a valid JID. */
final class HistoryMessages {

    private HistoryMessages() {
    }

    /**
     * @param web  the stored message
     * @param chat the conversation it came in (used when the key names no chat)
     * @param own  our account, the sender of our own messages
     */
    static Optional<HistoryMessage> decode(WebMessageInfo web, Jid chat, Jid own) {
        MessageKey key = web.getKey();
        if (key.getId().isEmpty()) {
            return Optional.empty();
        }
        Optional<Jid> remote = key.getRemoteJid().isEmpty() ? Optional.of(chat) : jid(key.getRemoteJid());
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        Jid where = remote.get();
        boolean group = where.isGroup() || where.isBroadcastList() || where.isStatusBroadcast();
        Jid sender;
        if (key.getFromMe()) {
            sender = own;
        } else if (group) {
            String participant = !key.getParticipant().isEmpty() ? key.getParticipant() : web.getParticipant();
            Optional<Jid> author = participant.isEmpty() ? Optional.of(where) : jid(participant);
            if (author.isEmpty()) {
                return Optional.empty();
            }
            sender = author.get();
        } else {
            sender = where;
        }
        MessageInfo info = new MessageInfo(key.getId(), where, sender, null, key.getFromMe(), group,
                Instant.ofEpochSecond(web.getMessageTimestamp()), web.getPushName(), HistoryMessage.CATEGORY, "", false);
        return Optional.of(new HistoryMessage(info, web.getMessage(), web.getStatus(), web.getMessageStubType()));
    }

    static Optional<Jid> jid(String text) {
        try {
            return Optional.of(Jid.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
