package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Attrs;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.DeviceCredentials;

import java.time.Instant;

/**
 * Reads who sent a {@code message} stanza and in which chat, from its attributes: a group's {@code from} is the
 * group and {@code participant} the sender; our own account's {@code from} is one of our other devices and
 * {@code recipient} the chat; anyone else's {@code from} is the sending device and its user the chat. The
 * sender's other-domain address comes from {@code sender_lid}/{@code sender_pn} (or
 * {@code participant_lid}/{@code participant_pn}).
 */
final class MessageInfoParser {

    private MessageInfoParser() {
    }

    /**
     * Parses the stanza's source and metadata.
     *
     * @throws ProtocolException when a required attribute is missing or not a JID
     */
    static MessageInfo parse(Node stanza, DeviceCredentials own) {
        Attrs attrs = stanza.attrs();
        Jid from = attrs.jid("from");
        String id = attrs.string("id");
        Instant timestamp = Instant.ofEpochSecond(attrs.optionalLong("t").orElse(0L));
        Jid chat;
        Jid sender;
        Jid senderAlt = null;
        boolean group = from.isGroup() || from.server().equals("broadcast");
        boolean fromMe;
        if (group) {
            chat = from;
            sender = attrs.jid("participant");
            boolean lidAddressed = attrs.optionalString("addressing_mode").filter("lid"::equals).isPresent()
                    || sender.isLid();
            senderAlt = attrs.optionalJid(lidAddressed ? "participant_pn" : "participant_lid").orElse(null);
            fromMe = Addressing.isOwn(sender, own);
        } else if (Addressing.isOwn(from, own)) {
            fromMe = true;
            sender = from;
            chat = attrs.optionalJid("recipient").orElse(from.toNonAd());
        } else {
            fromMe = false;
            sender = from;
            chat = from.toNonAd();
            senderAlt = attrs.optionalJid(from.isLid() ? "sender_pn" : "sender_lid").orElse(null);
        }
        if (senderAlt != null && senderAlt.device() == 0 && sender.device() != 0) {
            senderAlt = senderAlt.withDevice(sender.device());
        }
        return new MessageInfo(id, chat, sender, senderAlt, fromMe, group, timestamp,
                attrs.optionalString("notify").orElse(""), attrs.optionalString("category").orElse(""),
                attrs.optionalString("type").orElse(""), attrs.has("offline"));
    }
}
