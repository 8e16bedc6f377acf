package io.tryx.protocol.client.history;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation's metadata from history sync, known once all its messages were read (the phone writes them
 * before the metadata).
 *
 * @param chat               the chat
 * @param name               the chat's name (group subject or contact name), when the phone sent one
 * @param unreadCount        unread messages
 * @param archived           archived
 * @param pinned             pinned
 * @param mutedUntil         when a mute ends, when muted
 * @param ephemeralSeconds   the disappearing-messages timer, 0 when off
 * @param lastActivity       the conversation's timestamp (its last message), when known
 * @param messages           how many of its messages this chunk carried
 */
public record HistoryConversation(Jid chat, Optional<String> name, int unreadCount, boolean archived, boolean pinned,
                                  Optional<Instant> mutedUntil, int ephemeralSeconds, Optional<Instant> lastActivity,
                                  long messages) {

    public HistoryConversation {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mutedUntil, "mutedUntil");
        Objects.requireNonNull(lastActivity, "lastActivity");
    }
}
