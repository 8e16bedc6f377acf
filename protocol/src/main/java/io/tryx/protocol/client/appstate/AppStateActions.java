package io.tryx.protocol.client.appstate;

import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.appstate.PatchEncoder.MutationRequest;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;

import java.util.List;
import java.util.Objects;

/**
 * The chat actions a device writes to app state, as WhatsApp lays them out: collection, index, action version and
 * value (stamped with the action's time in milliseconds). Archiving also unpins, as WhatsApp Web does. Pure.
 */
final class AppStateActions {

    static final String PIN = "pin_v1";
    static final String MUTE = "mute";
    static final String ARCHIVE = "archive";
    static final String MARK_READ = "markChatAsRead";
    static final String STAR = "star";
    static final String DELETE_FOR_ME = "deleteMessageForMe";
    static final String DELETE_CHAT = "deleteChat";
    static final String CLEAR_CHAT = "clearChat";
    static final String CONTACT = "contact";
    static final String PUSH_NAME = "setting_pushName";
    static final String LABEL_EDIT = "label_edit";
    static final String LABEL_CHAT = "label_jid";
    static final String LABEL_MESSAGE = "label_message";

    static final String REGULAR_LOW = "regular_low";
    static final String REGULAR_HIGH = "regular_high";
    static final String REGULAR = "regular";
    static final String CRITICAL_BLOCK = "critical_block";
    static final String CRITICAL_UNBLOCK_LOW = "critical_unblock_low";

    private AppStateActions() {
    }

    /** The mutations of one action, all in one collection (so they go in one patch). */
    record PatchRequest(String collection, List<MutationRequest> mutations) {
        PatchRequest {
            Objects.requireNonNull(collection, "collection");
            mutations = List.copyOf(mutations);
        }
    }

    static PatchRequest archive(Jid chat, boolean archived, long nowMillis) {
        MutationRequest archive = set(List.of(ARCHIVE, chat(chat)), 3, value(nowMillis)
                .setArchiveChatAction(SyncActionValue.ArchiveChatAction.newBuilder().setArchived(archived)));
        return archived ? new PatchRequest(REGULAR_LOW, List.of(archive, pinMutation(chat, false, nowMillis)))
                : new PatchRequest(REGULAR_LOW, List.of(archive));
    }

    static PatchRequest pin(Jid chat, boolean pinned, long nowMillis) {
        return new PatchRequest(REGULAR_LOW, List.of(pinMutation(chat, pinned, nowMillis)));
    }

    /** Mute until {@code muteEndMillis} (-1: forever); {@code muted} false unmutes. */
    static PatchRequest mute(Jid chat, boolean muted, long muteEndMillis, long nowMillis) {
        SyncActionValue.MuteAction.Builder mute = SyncActionValue.MuteAction.newBuilder().setMuted(muted);
        if (muted) {
            mute.setMuteEndTimestamp(muteEndMillis);
        }
        return new PatchRequest(REGULAR_HIGH, List.of(set(List.of(MUTE, chat(chat)), 2, value(nowMillis).setMuteAction(mute))));
    }

    static PatchRequest markRead(Jid chat, boolean read, long nowMillis) {
        return new PatchRequest(REGULAR_LOW, List.of(set(List.of(MARK_READ, chat(chat)), 3, value(nowMillis)
                .setMarkChatAsReadAction(SyncActionValue.MarkChatAsReadAction.newBuilder().setRead(read)))));
    }

    /** {@code participant}: the sender of a group message not from us, else null. */
    static PatchRequest star(Jid chat, String messageId, boolean fromMe, Jid participant, boolean starred, long nowMillis) {
        return new PatchRequest(REGULAR_HIGH, List.of(set(messageIndex(STAR, chat, messageId, fromMe, participant), 2,
                value(nowMillis).setStarAction(SyncActionValue.StarAction.newBuilder().setStarred(starred)))));
    }

    static PatchRequest deleteForMe(Jid chat, String messageId, boolean fromMe, Jid participant, long messageTimestampSeconds,
                                    boolean deleteMedia, long nowMillis) {
        return new PatchRequest(REGULAR_HIGH, List.of(set(messageIndex(DELETE_FOR_ME, chat, messageId, fromMe, participant), 3,
                value(nowMillis).setDeleteMessageForMeAction(SyncActionValue.DeleteMessageForMeAction.newBuilder()
                        .setDeleteMedia(deleteMedia).setMessageTimestamp(messageTimestampSeconds)))));
    }

    static PatchRequest deleteChat(Jid chat, boolean deleteMedia, long nowMillis) {
        return new PatchRequest(REGULAR_HIGH, List.of(set(List.of(DELETE_CHAT, chat(chat), deleteMedia ? "1" : "0"), 6,
                value(nowMillis).setDeleteChatAction(SyncActionValue.DeleteChatAction.getDefaultInstance()))));
    }

    /** Clears a chat's messages: index {@code clearChat, chat, deleteStarred 1|0, deleteMedia 1|0}. */
    static PatchRequest clearChat(Jid chat, boolean keepStarred, boolean deleteMedia, long nowMillis) {
        return new PatchRequest(REGULAR_HIGH, List.of(set(List.of(CLEAR_CHAT, chat(chat), keepStarred ? "0" : "1",
                deleteMedia ? "1" : "0"), 6, value(nowMillis).setClearChatAction(SyncActionValue.ClearChatAction.getDefaultInstance()))));
    }

    /** Creates, renames, recolours ({@code deleted} false) or deletes a label: {@code regular ["label_edit", id]}, version 3. */
    static PatchRequest labelEdit(String labelId, String name, int color, boolean deleted, long nowMillis) {
        return new PatchRequest(REGULAR, List.of(set(List.of(LABEL_EDIT, labelId(labelId)), 3, value(nowMillis)
                .setLabelEditAction(SyncActionValue.LabelEditAction.newBuilder().setName(Objects.requireNonNull(name, "name"))
                        .setColor(color).setDeleted(deleted)))));
    }

    /** Puts a label on a chat or takes it off: {@code regular ["label_jid", id, chat]}, version 3. */
    static PatchRequest labelChat(String labelId, Jid chat, boolean labeled, long nowMillis) {
        return new PatchRequest(REGULAR, List.of(set(List.of(LABEL_CHAT, labelId(labelId), chat(chat)), 3,
                value(nowMillis).setLabelAssociationAction(
                        SyncActionValue.LabelAssociationAction.newBuilder().setLabeled(labeled)))));
    }

    /** Puts a label on a message or takes it off: {@code regular ["label_message", id, chat, messageId, "0", "0"]}, version 3. */
    static PatchRequest labelMessage(String labelId, Jid chat, String messageId, boolean labeled, long nowMillis) {
        return new PatchRequest(REGULAR, List.of(set(List.of(LABEL_MESSAGE, labelId(labelId), chat(chat),
                Objects.requireNonNull(messageId, "messageId"), "0", "0"), 3, value(nowMillis)
                .setLabelAssociationAction(SyncActionValue.LabelAssociationAction.newBuilder().setLabeled(labeled)))));
    }

    private static String labelId(String labelId) {
        Objects.requireNonNull(labelId, "labelId");
        if (labelId.isBlank()) {
            throw new IllegalArgumentException("a label id is not blank");
        }
        return labelId;
    }

    /** The account's push name: {@code critical_block ["setting_pushName"]}, version 1. */
    static PatchRequest pushName(String name, long nowMillis) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a push name is not blank");
        }
        return new PatchRequest(CRITICAL_BLOCK, List.of(set(List.of(PUSH_NAME), 1, value(nowMillis)
                .setPushNameSetting(SyncActionValue.PushNameSetting.newBuilder().setName(name)))));
    }

    /** An address-book entry: {@code critical_unblock_low ["contact", user]}, version 2. */
    static PatchRequest contact(Jid user, String fullName, String firstName, long nowMillis) {
        SyncActionValue.ContactAction.Builder contact = SyncActionValue.ContactAction.newBuilder()
                .setFullName(Objects.requireNonNull(fullName, "fullName"));
        if (firstName != null && !firstName.isEmpty()) {
            contact.setFirstName(firstName);
        }
        return new PatchRequest(CRITICAL_UNBLOCK_LOW, List.of(set(List.of(CONTACT, user(user)), 2,
                value(nowMillis).setContactAction(contact))));
    }

    /** Removes an address-book entry: a {@code REMOVE} of {@code ["contact", user]}. */
    static PatchRequest removeContact(Jid user, long nowMillis) {
        return new PatchRequest(CRITICAL_UNBLOCK_LOW, List.of(new MutationRequest(MutationOperation.REMOVE,
                List.of(CONTACT, user(user)), value(nowMillis).setContactAction(
                        SyncActionValue.ContactAction.getDefaultInstance()).build(), 2)));
    }

    private static String user(Jid user) {
        String chat = chat(user);
        if (user.isGroup()) {
            throw new IllegalArgumentException("a contact is a user, not a group: " + user);
        }
        return chat;
    }

    private static MutationRequest pinMutation(Jid chat, boolean pinned, long nowMillis) {
        return set(List.of(PIN, chat(chat)), 5, value(nowMillis)
                .setPinAction(SyncActionValue.PinAction.newBuilder().setPinned(pinned)));
    }

    private static List<String> messageIndex(String action, Jid chat, String messageId, boolean fromMe, Jid participant) {
        Objects.requireNonNull(messageId, "messageId");
        String sender = participant == null || fromMe || !chat.isGroup() ? "0" : participant.toNonAd().toString();
        return List.of(action, chat(chat), messageId, fromMe ? "1" : "0", sender);
    }

    private static String chat(Jid chat) {
        Objects.requireNonNull(chat, "chat");
        if (chat.isAd()) {
            throw new IllegalArgumentException("a chat is a user or group JID without device: " + chat);
        }
        return chat.toString();
    }

    private static SyncActionValue.Builder value(long nowMillis) {
        return SyncActionValue.newBuilder().setTimestamp(nowMillis);
    }

    private static MutationRequest set(List<String> index, int version, SyncActionValue.Builder value) {
        return new MutationRequest(MutationOperation.SET, index, value.build(), version);
    }
}
