package io.tryx.protocol.client.messaging;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a received message comes from and what the stanza says about it.
 *
 * @param id        the message id (unique per sender and chat)
 * @param chat      the conversation: the peer user for 1:1 (for our own devices' copies, the destination), the group
 * @param sender    the sending device as the stanza names it (phone-number or LID domain)
 * @param senderAlt the sender's device in the other domain (LID for a phone-number sender and back), null if unknown
 * @param fromMe    true when one of our own other devices sent it
 * @param group     true for group and broadcast chats
 * @param timestamp the server timestamp
 * @param pushName  the sender's display name ({@code notify}), empty if none
 * @param category  the stanza's {@code category} ({@code peer} for messages between our own devices), empty if none
 * @param type      the stanza's {@code type} ({@code text}, {@code media}, ...), empty if none
 * @param offline   true when the server delivered it from the offline queue
 */
public record MessageInfo(String id, Jid chat, Jid sender, Jid senderAlt, boolean fromMe, boolean group,
                          Instant timestamp, String pushName, String category, String type, boolean offline) {

    public MessageInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(timestamp, "timestamp");
        pushName = pushName == null ? "" : pushName;
        category = category == null ? "" : category;
        type = type == null ? "" : type;
    }

    /** This info with another chat (a device-sent copy names its destination inside the encrypted message). */
    public MessageInfo withChat(Jid newChat) {
        return new MessageInfo(id, newChat, sender, senderAlt, fromMe, group, timestamp, pushName, category, type, offline);
    }
}
