package io.tryx.protocol.client.appstate;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What app-state sync reports: one {@link Change} per applied mutation (from the phone, another companion or this
 * client, during a full sync from a snapshot or from incremental patches), and per collection and sync round
 * {@link Synced} or {@link SyncFailed}. Delivered in apply order to {@link ChatSyncListener}s.
 */
public sealed interface ChatSyncEvent {

    /**
     * Where a change comes from.
     *
     * @param collection   the app-state collection ({@code regular_low}, ...)
     * @param patchVersion the collection version that carried it (the snapshot's version in a full sync)
     * @param timestamp    the action's own timestamp (epoch when it carried none)
     * @param fullSync     true when it was read from a snapshot (initial sync or recovery), not from a patch
     */
    record Meta(String collection, long patchVersion, Instant timestamp, boolean fullSync) {
        public Meta {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /** The effect of one mutation. */
    sealed interface Change extends ChatSyncEvent {
        Meta meta();
    }

    /** A chat was pinned or unpinned ({@code pin_v1}). */
    record Pin(Meta meta, Jid chat, boolean pinned) implements Change {
    }

    /**
     * A chat was muted or unmuted ({@code mute}); {@code muteEndMillis} is -1 for "forever", 0 when unmuted, else the
     * epoch millisecond the mute ends.
     */
    record Mute(Meta meta, Jid chat, boolean muted, long muteEndMillis) implements Change {
        /** True for a mute without end. */
        public boolean forever() {
            return muted && muteEndMillis < 0;
        }
    }

    /** A chat was archived or unarchived ({@code archive}). */
    record Archive(Meta meta, Jid chat, boolean archived) implements Change {
    }

    /** A chat was marked read or unread ({@code markChatAsRead}). */
    record MarkRead(Meta meta, Jid chat, boolean read) implements Change {
    }

    /**
     * A message was starred or unstarred ({@code star}); {@code participant} is the sender in groups, null otherwise.
     */
    record Star(Meta meta, Jid chat, String messageId, boolean fromMe, Jid participant, boolean starred)
            implements Change {
    }

    /** A message was deleted on this account's devices only ({@code deleteMessageForMe}). */
    record DeleteMessageForMe(Meta meta, Jid chat, String messageId, boolean fromMe, Jid participant,
                              boolean deleteMedia, long messageTimestamp) implements Change {
    }

    /** A chat was deleted ({@code deleteChat}). */
    record DeleteChat(Meta meta, Jid chat, boolean deleteMedia) implements Change {
    }

    /** A chat's messages were cleared ({@code clearChat}). */
    record ClearChat(Meta meta, Jid chat, boolean deleteStarred, boolean deleteMedia) implements Change {
    }

    /** An address-book entry ({@code contact}). */
    record Contact(Meta meta, Jid contact, String fullName, String firstName) implements Change {
    }

    /** The account's own push name ({@code setting_pushName}). */
    record PushName(Meta meta, String name) implements Change {
    }

    /** A label was created, changed or deleted ({@code label_edit}). */
    record LabelEdit(Meta meta, String labelId, String name, int color, boolean deleted) implements Change {
    }

    /** A label was put on or taken off a chat ({@code label_jid}). */
    record LabelChat(Meta meta, String labelId, Jid chat, boolean labeled) implements Change {
    }

    /** A label was put on or taken off a message ({@code label_message}). */
    record LabelMessage(Meta meta, String labelId, Jid chat, String messageId, boolean labeled) implements Change {
    }

    /** A value was removed (a {@code REMOVE} mutation) at {@code index}. */
    record Removed(Meta meta, List<String> index) implements Change {
        public Removed {
            index = List.copyOf(index);
        }
    }

    /** A mutation of a kind without its own event (settings, stickers, ...), or whose index did not parse. */
    record Other(Meta meta, List<String> index, SyncActionValue value) implements Change {
        public Other {
            index = List.copyOf(index);
        }
    }

    /**
     * A collection is in step with the server at {@code version}: {@code fullSync} when a snapshot was read,
     * {@code recovered} when that snapshot replaced a state a patch did not verify against.
     */
    record Synced(String collection, long version, boolean fullSync, boolean recovered) implements ChatSyncEvent {
    }

    /**
     * A collection could not be synced (a patch and then the snapshot did not verify, a key is missing, the server
     * refused); the stored state stays at {@code version} and later syncs try again.
     */
    record SyncFailed(String collection, long version, String reason) implements ChatSyncEvent {
    }
}
