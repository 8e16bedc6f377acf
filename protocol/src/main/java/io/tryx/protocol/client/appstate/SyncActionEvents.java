package io.tryx.protocol.client.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.appstate.AppStateMutation;
import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;

import java.time.Instant;
import java.util.List;

/**
 * Turns a verified mutation into its {@link ChatSyncEvent.Change}, reading the index as WhatsApp lays it out
 * ({@code ["star", chat, messageId, fromMe "1"|"0", participant|"0"]}, ...). A {@code REMOVE} becomes
 * {@link ChatSyncEvent.Removed}; an action without its own event, or an index that does not parse (too short, a bad
 * JID), becomes {@link ChatSyncEvent.Other}. Pure.
 */
final class SyncActionEvents {

    private SyncActionEvents() {
    }

    static ChatSyncEvent.Change of(AppStateMutation mutation, boolean fullSync) {
        SyncActionValue value = mutation.value();
        ChatSyncEvent.Meta meta = new ChatSyncEvent.Meta(mutation.collection(), mutation.patchVersion(),
                Instant.ofEpochMilli(value.getTimestamp()), fullSync);
        List<String> index = mutation.index();
        if (mutation.operation() == MutationOperation.REMOVE) {
            return new ChatSyncEvent.Removed(meta, index);
        }
        try {
            ChatSyncEvent.Change typed = typed(meta, index, value);
            return typed != null ? typed : new ChatSyncEvent.Other(meta, index, value);
        } catch (ProtocolException | IndexOutOfBoundsException e) {
            return new ChatSyncEvent.Other(meta, index, value);
        }
    }

    private static ChatSyncEvent.Change typed(ChatSyncEvent.Meta meta, List<String> index, SyncActionValue value) {
        return switch (mutationName(index)) {
            case AppStateActions.PIN -> value.hasPinAction()
                    ? new ChatSyncEvent.Pin(meta, jid(index, 1), value.getPinAction().getPinned()) : null;
            case AppStateActions.MUTE -> value.hasMuteAction()
                    ? new ChatSyncEvent.Mute(meta, jid(index, 1), value.getMuteAction().getMuted(),
                    value.getMuteAction().getMuted() ? value.getMuteAction().getMuteEndTimestamp() : 0) : null;
            case AppStateActions.ARCHIVE -> value.hasArchiveChatAction()
                    ? new ChatSyncEvent.Archive(meta, jid(index, 1), value.getArchiveChatAction().getArchived()) : null;
            case AppStateActions.MARK_READ -> value.hasMarkChatAsReadAction()
                    ? new ChatSyncEvent.MarkRead(meta, jid(index, 1), value.getMarkChatAsReadAction().getRead()) : null;
            case AppStateActions.STAR -> value.hasStarAction()
                    ? new ChatSyncEvent.Star(meta, jid(index, 1), index.get(2), flag(index, 3), participant(index, 4),
                    value.getStarAction().getStarred()) : null;
            case AppStateActions.DELETE_FOR_ME -> new ChatSyncEvent.DeleteMessageForMe(meta, jid(index, 1), index.get(2),
                    flag(index, 3), participant(index, 4), value.getDeleteMessageForMeAction().getDeleteMedia(),
                    value.getDeleteMessageForMeAction().getMessageTimestamp());
            case AppStateActions.DELETE_CHAT -> new ChatSyncEvent.DeleteChat(meta, jid(index, 1),
                    index.size() > 2 && flag(index, 2));
            case AppStateActions.CLEAR_CHAT -> new ChatSyncEvent.ClearChat(meta, jid(index, 1),
                    index.size() > 2 && flag(index, 2), index.size() > 3 && flag(index, 3));
            case AppStateActions.CONTACT -> value.hasContactAction()
                    ? new ChatSyncEvent.Contact(meta, jid(index, 1), value.getContactAction().getFullName(),
                    value.getContactAction().getFirstName()) : null;
            case AppStateActions.PUSH_NAME -> value.hasPushNameSetting()
                    ? new ChatSyncEvent.PushName(meta, value.getPushNameSetting().getName()) : null;
            case AppStateActions.LABEL_EDIT -> value.hasLabelEditAction()
                    ? new ChatSyncEvent.LabelEdit(meta, index.get(1), value.getLabelEditAction().getName(),
                    value.getLabelEditAction().getColor(), value.getLabelEditAction().getDeleted()) : null;
            case AppStateActions.LABEL_CHAT -> value.hasLabelAssociationAction()
                    ? new ChatSyncEvent.LabelChat(meta, index.get(1), jid(index, 2),
                    value.getLabelAssociationAction().getLabeled()) : null;
            case AppStateActions.LABEL_MESSAGE -> value.hasLabelAssociationAction()
                    ? new ChatSyncEvent.LabelMessage(meta, index.get(1), jid(index, 2), index.get(3),
                    value.getLabelAssociationAction().getLabeled()) : null;
            default -> null;
        };
    }

    private static String mutationName(List<String> index) {
        return index.isEmpty() ? "" : index.get(0);
    }

    private static Jid jid(List<String> index, int position) {
        return Jid.parse(index.get(position));
    }

    private static boolean flag(List<String> index, int position) {
        return "1".equals(index.get(position));
    }

    private static Jid participant(List<String> index, int position) {
        if (index.size() <= position || index.get(position).equals("0") || index.get(position).isEmpty()) {
            return null;
        }
        return Jid.parse(index.get(position));
    }
}
