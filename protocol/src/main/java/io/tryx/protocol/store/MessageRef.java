package io.tryx.protocol.store;

import io.tryx.protocol.jid.Jid;

import java.util.Objects;

/**
 * Names one message: the chat it is in, who sent it (user JID without device) and its id. Message ids are
 * only unique per sender and chat, so all three are part of the name.
 */
public record MessageRef(Jid chat, Jid sender, String id) {

    public MessageRef {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(id, "id");
    }
}
