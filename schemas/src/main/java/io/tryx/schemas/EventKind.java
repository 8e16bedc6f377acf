package io.tryx.schemas;

import io.tryx.events.v1.ArchiveAction;
import io.tryx.events.v1.BlockChanged;
import io.tryx.events.v1.CallAccepted;
import io.tryx.events.v1.CallOffered;
import io.tryx.events.v1.CallRejected;
import io.tryx.events.v1.CallTerminated;
import io.tryx.events.v1.ChatStateUpdate;
import io.tryx.events.v1.ClearChatAction;
import io.tryx.events.v1.ConnectFailure;
import io.tryx.events.v1.Connected;
import io.tryx.events.v1.ContactUpdated;
import io.tryx.events.v1.DeleteChatAction;
import io.tryx.events.v1.DeleteForMeAction;
import io.tryx.events.v1.DescriptionChanged;
import io.tryx.events.v1.Disconnected;
import io.tryx.events.v1.GroupSnapshot;
import io.tryx.events.v1.GroupTimerChanged;
import io.tryx.events.v1.HistorySyncEvent;
import io.tryx.events.v1.InviteLinkReset;
import io.tryx.events.v1.LabelAssociationAction;
import io.tryx.events.v1.LabelEditAction;
import io.tryx.events.v1.LoggedOut;
import io.tryx.events.v1.MarkReadAction;
import io.tryx.events.v1.MessageEvent;
import io.tryx.events.v1.MuteAction;
import io.tryx.events.v1.PairCodeIssued;
import io.tryx.events.v1.Paired;
import io.tryx.events.v1.PairingTimedOut;
import io.tryx.events.v1.ParticipantsChanged;
import io.tryx.events.v1.PinAction;
import io.tryx.events.v1.PresenceUpdate;
import io.tryx.events.v1.ProfilePictureChanged;
import io.tryx.events.v1.PushNameChanged;
import io.tryx.events.v1.QrCodeIssued;
import io.tryx.events.v1.ReceiptEvent;
import io.tryx.events.v1.SettingChanged;
import io.tryx.events.v1.StarAction;
import io.tryx.events.v1.StreamReplaced;
import io.tryx.events.v1.SubjectChanged;
import io.tryx.events.v1.TemporaryBan;
import io.tryx.events.v1.UndecryptableMessageEvent;
import io.tryx.events.v1.DefaultDisappearingTimerChanged;
import io.tryx.events.v1.DevicesChanged;
import io.tryx.events.v1.IdentityChanged;
import io.tryx.events.v1.OfflineSyncCompleted;
import io.tryx.events.v1.OfflineSyncStarted;
import io.tryx.events.v1.PrivacySettingsChanged;
import io.tryx.events.v1.StatusTextChanged;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * The kind part of an event id: one token per event shape. For events whose record has a union (connection state,
 * presence update, chat action, contact update, group change, call step) the kind is the family plus the branch's
 * record name in snake case; single-shape events use the family alone. Tokens are part of the contract: never change one.
 */
public enum EventKind {
    CONNECTION_QR_CODE_ISSUED("connection.qr_code_issued", QrCodeIssued.class),
    CONNECTION_PAIR_CODE_ISSUED("connection.pair_code_issued", PairCodeIssued.class),
    CONNECTION_PAIRING_TIMED_OUT("connection.pairing_timed_out", PairingTimedOut.class),
    CONNECTION_PAIRED("connection.paired", Paired.class),
    CONNECTION_CONNECTED("connection.connected", Connected.class),
    CONNECTION_DISCONNECTED("connection.disconnected", Disconnected.class),
    CONNECTION_LOGGED_OUT("connection.logged_out", LoggedOut.class),
    CONNECTION_STREAM_REPLACED("connection.stream_replaced", StreamReplaced.class),
    CONNECTION_TEMPORARY_BAN("connection.temporary_ban", TemporaryBan.class),
    CONNECTION_CONNECT_FAILURE("connection.connect_failure", ConnectFailure.class),
    CONNECTION_OFFLINE_SYNC_STARTED("connection.offline_sync_started", OfflineSyncStarted.class),
    CONNECTION_OFFLINE_SYNC_COMPLETED("connection.offline_sync_completed", OfflineSyncCompleted.class),
    MESSAGE("message", MessageEvent.class),
    UNDECRYPTABLE("undecryptable", UndecryptableMessageEvent.class),
    RECEIPT("receipt", ReceiptEvent.class),
    PRESENCE_UPDATE("presence.presence_update", PresenceUpdate.class),
    PRESENCE_CHAT_STATE_UPDATE("presence.chat_state_update", ChatStateUpdate.class),
    CHAT_ACTION_PIN("chat_action.pin_action", PinAction.class),
    CHAT_ACTION_MUTE("chat_action.mute_action", MuteAction.class),
    CHAT_ACTION_ARCHIVE("chat_action.archive_action", ArchiveAction.class),
    CHAT_ACTION_MARK_READ("chat_action.mark_read_action", MarkReadAction.class),
    CHAT_ACTION_STAR("chat_action.star_action", StarAction.class),
    CHAT_ACTION_DELETE_FOR_ME("chat_action.delete_for_me_action", DeleteForMeAction.class),
    CHAT_ACTION_DELETE_CHAT("chat_action.delete_chat_action", DeleteChatAction.class),
    CHAT_ACTION_CLEAR_CHAT("chat_action.clear_chat_action", ClearChatAction.class),
    CHAT_ACTION_LABEL_ASSOCIATION("chat_action.label_association_action", LabelAssociationAction.class),
    CHAT_ACTION_LABEL_EDIT("chat_action.label_edit_action", LabelEditAction.class),
    CONTACT_UPDATED("contact.contact_updated", ContactUpdated.class),
    CONTACT_PUSH_NAME_CHANGED("contact.push_name_changed", PushNameChanged.class),
    CONTACT_PROFILE_PICTURE_CHANGED("contact.profile_picture_changed", ProfilePictureChanged.class),
    CONTACT_BLOCK_CHANGED("contact.block_changed", BlockChanged.class),
    CONTACT_STATUS_TEXT_CHANGED("contact.status_text_changed", StatusTextChanged.class),
    CONTACT_PRIVACY_SETTINGS_CHANGED("contact.privacy_settings_changed", PrivacySettingsChanged.class),
    CONTACT_DEFAULT_DISAPPEARING_TIMER_CHANGED("contact.default_disappearing_timer_changed",
            DefaultDisappearingTimerChanged.class),
    CONTACT_DEVICES_CHANGED("contact.devices_changed", DevicesChanged.class),
    CONTACT_IDENTITY_CHANGED("contact.identity_changed", IdentityChanged.class),
    GROUP_SNAPSHOT("group.group_snapshot", GroupSnapshot.class),
    GROUP_PARTICIPANTS_CHANGED("group.participants_changed", ParticipantsChanged.class),
    GROUP_SUBJECT_CHANGED("group.subject_changed", SubjectChanged.class),
    GROUP_DESCRIPTION_CHANGED("group.description_changed", DescriptionChanged.class),
    GROUP_SETTING_CHANGED("group.setting_changed", SettingChanged.class),
    GROUP_TIMER_CHANGED("group.group_timer_changed", GroupTimerChanged.class),
    GROUP_INVITE_LINK_RESET("group.invite_link_reset", InviteLinkReset.class),
    GROUP_LINKED("group.group_linked", io.tryx.events.v1.GroupLinked.class),
    GROUP_UNLINKED("group.group_unlinked", io.tryx.events.v1.GroupUnlinked.class),
    GROUP_MEMBERSHIP_REQUESTED("group.membership_requested", io.tryx.events.v1.MembershipRequested.class),
    GROUP_MEMBERSHIP_REQUESTS_REVOKED("group.membership_requests_revoked", io.tryx.events.v1.MembershipRequestsRevoked.class),
    CALL_OFFERED("call.call_offered", CallOffered.class),
    CALL_ACCEPTED("call.call_accepted", CallAccepted.class),
    CALL_REJECTED("call.call_rejected", CallRejected.class),
    CALL_TERMINATED("call.call_terminated", CallTerminated.class),
    HISTORY_SYNC("history_sync", HistorySyncEvent.class);

    private static final Map<Class<? extends SpecificRecord>, EventKind> BY_RECORD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(kind -> kind.record, Function.identity()));

    private final String token;
    private final Class<? extends SpecificRecord> record;

    EventKind(String token, Class<? extends SpecificRecord> record) {
        this.token = token;
        this.record = record;
    }

    /** The token hashed into the event id. */
    public String token() {
        return token;
    }

    /** The record that identifies this kind: the union branch, or the event record for single-shape events. */
    public Class<? extends SpecificRecord> record() {
        return record;
    }

    /**
     * The kind of an event given its union branch (e.g. a {@code QrCodeIssued}) or, for single-shape events, the
     * event itself (a {@code MessageEvent}).
     *
     * @throws IllegalArgumentException when the record is neither
     */
    public static EventKind of(SpecificRecord branchOrEvent) {
        EventKind kind = BY_RECORD.get(branchOrEvent.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("not an event branch or single-shape event: "
                    + branchOrEvent.getSchema().getFullName());
        }
        return kind;
    }
}
