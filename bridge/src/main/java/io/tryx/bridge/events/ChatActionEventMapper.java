package io.tryx.bridge.events;

import io.tryx.common.v1.MessageKey;
import io.tryx.events.v1.ArchiveAction;
import io.tryx.events.v1.ChatActionEvent;
import io.tryx.events.v1.ClearChatAction;
import io.tryx.events.v1.DeleteChatAction;
import io.tryx.events.v1.DeleteForMeAction;
import io.tryx.events.v1.LabelAssociationAction;
import io.tryx.events.v1.LabelEditAction;
import io.tryx.events.v1.MarkReadAction;
import io.tryx.events.v1.MuteAction;
import io.tryx.events.v1.PinAction;
import io.tryx.events.v1.StarAction;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import io.tryx.schemas.EventSubjects;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Maps app-state chat actions ({@link ChatSyncEvent.Change}s: pin, mute, archive, mark read, star, delete for me,
 * delete chat, clear chat, labels) to {@link ChatActionEvent}s, from whichever device made them (this bridge's too).
 * The timestamp is the action's own; the event id's subject is the target (message id, label id, or empty) and that
 * timestamp, so a full resync that reads an action again derives the same id. Sync progress, removals, contacts,
 * push names and unknown mutations map to nothing here.
 */
public final class ChatActionEventMapper {

    public Optional<ChatActionEvent> map(EventOrigin origin, ChatSyncEvent event) {
        if (!(event instanceof ChatSyncEvent.Change change)) {
            return Optional.empty();
        }
        return switch (change) {
            case ChatSyncEvent.Pin pin -> record(origin, change, pin.chat(), "",
                    PinAction.newBuilder().setPinned(pin.pinned()).build());
            case ChatSyncEvent.Mute mute -> record(origin, change, mute.chat(), "", MuteAction.newBuilder()
                    .setMuted(mute.muted())
                    .setMutedUntil(mute.muted() && mute.muteEndMillis() > 0 ? Instant.ofEpochMilli(mute.muteEndMillis()) : null)
                    .build());
            case ChatSyncEvent.Archive archive -> record(origin, change, archive.chat(), "",
                    ArchiveAction.newBuilder().setArchived(archive.archived()).build());
            case ChatSyncEvent.MarkRead read -> record(origin, change, read.chat(), "",
                    MarkReadAction.newBuilder().setRead(read.read()).build());
            case ChatSyncEvent.Star star -> record(origin, change, star.chat(), star.messageId(), StarAction.newBuilder()
                    .setMessage(key(star.chat(), star.messageId(), star.fromMe(), star.participant()))
                    .setStarred(star.starred()).build());
            case ChatSyncEvent.DeleteMessageForMe delete -> record(origin, change, delete.chat(), delete.messageId(),
                    DeleteForMeAction.newBuilder()
                            .setMessage(key(delete.chat(), delete.messageId(), delete.fromMe(), delete.participant()))
                            .setDeleteMedia(delete.deleteMedia()).build());
            case ChatSyncEvent.DeleteChat delete -> record(origin, change, delete.chat(), "",
                    DeleteChatAction.newBuilder().setDeleteMedia(delete.deleteMedia()).build());
            case ChatSyncEvent.ClearChat clear -> record(origin, change, clear.chat(), "", ClearChatAction.newBuilder()
                    .setKeepStarred(!clear.deleteStarred()).setDeleteMedia(clear.deleteMedia()).build());
            case ChatSyncEvent.LabelChat label -> record(origin, change, label.chat(), label.labelId(),
                    LabelAssociationAction.newBuilder().setLabelId(label.labelId()).setLabeled(label.labeled()).build());
            case ChatSyncEvent.LabelMessage label -> record(origin, change, label.chat(), label.messageId(),
                    LabelAssociationAction.newBuilder().setLabelId(label.labelId()).setLabeled(label.labeled())
                            .setMessage(key(label.chat(), label.messageId(), false, null)).build());
            case ChatSyncEvent.LabelEdit edit -> record(origin, change, null, edit.labelId(), LabelEditAction.newBuilder()
                    .setLabelId(edit.labelId()).setName(edit.name() == null ? "" : edit.name())
                    .setColor(edit.color()).setDeleted(edit.deleted()).build());
            default -> Optional.empty();
        };
    }

    /** {@code chat} null: the account itself (label edits). */
    private static Optional<ChatActionEvent> record(EventOrigin origin, ChatSyncEvent.Change change, Jid chat,
                                                    String target, SpecificRecord action) {
        String chatText = chat == null ? origin.account() : chat.toNonAd().toString();
        Instant at = change.meta().timestamp().truncatedTo(ChronoUnit.MILLIS);
        return Optional.of(ChatActionEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chatText, EventSubjects.at(target, at), EventKind.of(action)))
                .setAccount(origin.account())
                .setChat(chatText)
                .setTimestamp(at)
                .setSource(origin.source(null))
                .setAction(action)
                .setFromFullSync(change.meta().fullSync())
                .build());
    }

    private static MessageKey key(Jid chat, String id, boolean fromMe, Jid participant) {
        return MessageKey.newBuilder().setChat(chat.toNonAd().toString()).setId(id).setFromMe(fromMe)
                .setSender(participant == null ? null : participant.toNonAd().toString()).build();
    }
}
