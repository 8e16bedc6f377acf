package io.tryx.schemas;

import io.tryx.common.v1.ChatState;
import io.tryx.common.v1.ContactCard;
import io.tryx.common.v1.ContactsContent;
import io.tryx.common.v1.GroupMetadata;
import io.tryx.common.v1.GroupParticipant;
import io.tryx.common.v1.GroupRole;
import io.tryx.common.v1.GroupSetting;
import io.tryx.common.v1.LinkPreview;
import io.tryx.common.v1.LocationContent;
import io.tryx.common.v1.MediaInfo;
import io.tryx.common.v1.MessageContext;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.ParticipantAction;
import io.tryx.common.v1.PresenceState;
import io.tryx.common.v1.QuotedMessage;
import io.tryx.common.v1.Source;
import io.tryx.common.v1.TextContent;
import io.tryx.events.v1.DefaultDisappearingTimerChanged;
import io.tryx.events.v1.DeviceChange;
import io.tryx.events.v1.DevicesChanged;
import io.tryx.events.v1.IdentityChanged;
import io.tryx.events.v1.OfflineSyncCompleted;
import io.tryx.events.v1.OfflineSyncStarted;
import io.tryx.events.v1.PrivacySettingChange;
import io.tryx.events.v1.PrivacySettingsChanged;
import io.tryx.events.v1.StatusTextChanged;
import io.tryx.events.v1.*;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One example of every event shape, built as the bridge would build it (ids derived with {@link EventIds}). */
final class EventSamples {

    static final String ACCOUNT = "15551234567@s.whatsapp.net";
    static final String PEER = "15557654321@s.whatsapp.net";
    static final String GROUP = "120363025246125486@g.us";
    static final Instant AT = Instant.parse("2026-11-24T12:00:00.123Z");

    private EventSamples() {
    }

    static List<SpecificRecord> all() {
        ContractRuntime.install();
        List<SpecificRecord> all = new ArrayList<>();
        connectionStates().forEach(state -> all.add(connection(state)));
        messageContents().forEach(content -> all.add(message("3EB0" + all.size(), content)));
        all.add(receipt());
        all.add(presence(PEER, PresenceUpdate.newBuilder().setUser(PEER).setState(PresenceState.AVAILABLE)
                .setLastSeen(AT.minusSeconds(60)).build()));
        all.add(presence(GROUP, ChatStateUpdate.newBuilder().setSender(PEER).setState(ChatState.COMPOSING).build()));
        chatActions().forEach(action -> all.add(chatAction(action)));
        contactUpdates().forEach(update -> all.add(contact(update)));
        groupChanges().forEach(change -> all.add(group("notif-" + all.size(), change)));
        callSteps().forEach(step -> all.add(call(step)));
        all.add(historySync());
        all.add(undecryptable());
        return all;
    }

    static Source source() {
        return Source.newBuilder().setBridgeVersion("0.1.0").setDevice("15551234567:7@s.whatsapp.net")
                .setServerTimestamp(AT).build();
    }

    static MessageKey key(String chat, String id) {
        return MessageKey.newBuilder().setChat(chat).setId(id).setFromMe(false)
                .setSender(chat.endsWith("@g.us") ? PEER : null).build();
    }

    static MediaInfo media(String mimetype) {
        return MediaInfo.newBuilder().setDirectPath("/v/t62.7118-24/12345_67890.enc?ccb=11-4")
                .setUrl("https://mmg.whatsapp.net/v/t62.7118-24/12345_67890.enc?ccb=11-4")
                .setMediaKey(bytes(32, 1)).setFileSha256(bytes(32, 2)).setFileEncSha256(bytes(32, 3))
                .setFileLength(48_213L).setMimetype(mimetype).setMediaKeyTimestamp(AT).build();
    }

    static ByteBuffer bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return ByteBuffer.wrap(b);
    }

    private static List<SpecificRecord> connectionStates() {
        return List.of(
                QrCodeIssued.newBuilder().setCode("2@abc,noise,identity,adv,WEB").setExpiresAt(AT.plusSeconds(60)).build(),
                PairCodeIssued.newBuilder().setCode("ABCD1234").build(),
                PairingTimedOut.newBuilder().setMode("qr").build(),
                Paired.newBuilder().setDevice("15551234567:7@s.whatsapp.net").setLid("123456789012345@lid")
                        .setPlatform("android").build(),
                Connected.newBuilder().setLid("123456789012345@lid").build(),
                Disconnected.newBuilder().setReason(DisconnectReason.KEEPALIVE_TIMEOUT).setWillReconnect(true)
                        .setReconnectInMillis(2_000L).build(),
                LoggedOut.newBuilder().setReason(LogoutReason.LOGGED_OUT_BY_PHONE).setOnConnect(true).build(),
                StreamReplaced.newBuilder().build(),
                TemporaryBan.newBuilder().setCode(101).setExpiresAt(AT.plusSeconds(3_600)).build(),
                ConnectFailure.newBuilder().setCode(405).setDetail("client outdated").build(),
                OfflineSyncStarted.newBuilder().setTotal(12).setMessages(7).setNotifications(3).setReceipts(2)
                        .setAppDataChanges(0).build(),
                OfflineSyncCompleted.newBuilder().setCount(12).build());
    }

    private static ConnectionEvent connection(SpecificRecord state) {
        return ConnectionEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, ACCOUNT, EventSubjects.at(AT), EventKind.of(state)))
                .setAccount(ACCOUNT).setChat(ACCOUNT).setTimestamp(AT).setSource(source()).setState(state).build();
    }

    static List<SpecificRecord> messageContents() {
        MessageKey target = key(PEER, "3EB0AAAA");
        return List.of(
                TextContent.newBuilder().setText("see https://example.org @15557654321")
                        .setLinkPreview(LinkPreview.newBuilder().setMatchedText("https://example.org")
                                .setTitle("Example").setDescription("An example").setThumbnailJpeg(bytes(8, 4)).build())
                        .build(),
                ImageContent.newBuilder().setMedia(media("image/jpeg")).setCaption("a cat").setWidth(1280)
                        .setHeight(720).setThumbnailJpeg(bytes(16, 5)).build(),
                VideoContent.newBuilder().setMedia(media("video/mp4")).setDurationSeconds(12).setGifPlayback(true).build(),
                AudioContent.newBuilder().setMedia(media("audio/ogg; codecs=opus")).setDurationSeconds(4).setVoice(true)
                        .setWaveform(bytes(64, 6)).build(),
                DocumentContent.newBuilder().setMedia(media("application/pdf")).setFileName("report.pdf")
                        .setPageCount(3).build(),
                StickerContent.newBuilder().setMedia(media("image/webp")).setWidth(512).setHeight(512)
                        .setAnimated(true).build(),
                LocationContent.newBuilder().setLatitude(52.52).setLongitude(13.405).setName("Berlin").build(),
                ContactsContent.newBuilder().setContacts(List.of(ContactCard.newBuilder().setDisplayName("Ann")
                        .setVcard("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nTEL;waid=15550001111:+1 555 000 1111\nEND:VCARD")
                        .build())).build(),
                ReactionContent.newBuilder().setTarget(target).setEmoji("👍").setSenderTimestamp(AT).build(),
                EditContent.newBuilder().setTarget(target).setText("fixed typo").build(),
                RevokeContent.newBuilder().setTarget(target).build(),
                PollCreateContent.newBuilder().setName("Lunch?").setOptions(List.of("Pizza", "Sushi")).build(),
                PollVoteContent.newBuilder().setPoll(target).setSelectedOptions(List.of("Sushi")).build(),
                DisappearingTimerContent.newBuilder().setExpirationSeconds(86_400).build(),
                GroupInviteContent.newBuilder().setGroup(GROUP).setGroupName("Team").setCode("AbCdEfGhIjK")
                        .setExpiresAt(AT.plusSeconds(259_200)).build(),
                UnsupportedContent.newBuilder().setMessageType("productMessage").build());
    }

    static MessageEvent message(String id, Object content) {
        MessageContext context = MessageContext.newBuilder()
                .setQuoted(QuotedMessage.newBuilder().setKey(key(PEER, "3EB0QUOTED")).setText("earlier").build())
                .setMentions(List.of(PEER)).setForwarded(true).setForwardingScore(2)
                .setEphemeralExpirationSeconds(604_800).build();
        return MessageEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, PEER, id, EventKind.MESSAGE))
                .setAccount(ACCOUNT).setChat(PEER).setTimestamp(AT).setSource(source()).setKey(key(PEER, id))
                .setPushName("Bob").setContent(content).setContext(context).setViewOnce(content instanceof ImageContent)
                .build();
    }

    private static ReceiptEvent receipt() {
        String sender = "15557654321:2@s.whatsapp.net";
        List<String> ids = List.of("3EB0AAAA", "3EB0BBBB");
        String subject = EventSubjects.receipt(ReceiptType.READ.name(), sender, ids);
        return ReceiptEvent.newBuilder().setEventId(EventIds.derive(ACCOUNT, GROUP, subject, EventKind.RECEIPT))
                .setAccount(ACCOUNT).setChat(GROUP).setTimestamp(AT).setSource(source()).setType(ReceiptType.READ)
                .setSender(sender).setMessageIds(ids).build();
    }

    private static PresenceEvent presence(String chat, SpecificRecord update) {
        String who = update instanceof PresenceUpdate p ? p.getUser() : ((ChatStateUpdate) update).getSender();
        return PresenceEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, chat, EventSubjects.at(who, AT), EventKind.of(update)))
                .setAccount(ACCOUNT).setChat(chat).setTimestamp(AT).setSource(source()).setUpdate(update).build();
    }

    private static List<SpecificRecord> chatActions() {
        MessageKey message = key(PEER, "3EB0CCCC");
        return List.of(
                PinAction.newBuilder().setPinned(true).build(),
                MuteAction.newBuilder().setMuted(true).setMutedUntil(AT.plusSeconds(28_800)).build(),
                ArchiveAction.newBuilder().setArchived(true).build(),
                MarkReadAction.newBuilder().setRead(false).build(),
                StarAction.newBuilder().setMessage(message).setStarred(true).build(),
                DeleteForMeAction.newBuilder().setMessage(message).setDeleteMedia(true).build(),
                DeleteChatAction.newBuilder().build(),
                ClearChatAction.newBuilder().setKeepStarred(false).build(),
                LabelAssociationAction.newBuilder().setLabelId("3").setLabeled(true).setMessage(message).build(),
                LabelEditAction.newBuilder().setLabelId("3").setName("Paid").setColor(4).build());
    }

    private static ChatActionEvent chatAction(SpecificRecord action) {
        String target = switch (action) {
            case StarAction s -> s.getMessage().getId();
            case DeleteForMeAction d -> d.getMessage().getId();
            case LabelAssociationAction l -> l.getMessage().map(MessageKey::getId).orElse(l.getLabelId());
            case LabelEditAction l -> l.getLabelId();
            default -> "";
        };
        String chat = action instanceof LabelEditAction ? ACCOUNT : PEER;
        return ChatActionEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, chat, EventSubjects.at(target, AT), EventKind.of(action)))
                .setAccount(ACCOUNT).setChat(chat).setTimestamp(AT).setSource(source()).setAction(action).build();
    }

    private static List<SpecificRecord> contactUpdates() {
        return List.of(
                ContactUpdated.newBuilder().setFullName("Bob Smith").setFirstName("Bob").build(),
                PushNameChanged.newBuilder().setPushName("Bobby").setPrevious("Bob").build(),
                ProfilePictureChanged.newBuilder().setPictureId("1700000000").build(),
                BlockChanged.newBuilder().setBlocked(true).build(),
                StatusTextChanged.newBuilder().setText("At the gym").build(),
                PrivacySettingsChanged.newBuilder().setChanges(List.of(PrivacySettingChange.newBuilder()
                        .setSetting("LAST_SEEN").setValue("CONTACTS").build())).build(),
                DefaultDisappearingTimerChanged.newBuilder().setSeconds(86_400).build(),
                DevicesChanged.newBuilder().setChange(DeviceChange.ADDED)
                        .setDevices(List.of("15557654321:3@s.whatsapp.net")).setLid("98765@lid").build(),
                IdentityChanged.newBuilder().setLid("98765@lid").build());
    }

    private static ContactEvent contact(SpecificRecord update) {
        return ContactEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, PEER, EventSubjects.at(AT), EventKind.of(update)))
                .setAccount(ACCOUNT).setChat(PEER).setTimestamp(AT).setSource(source()).setUpdate(update).build();
    }

    static GroupMetadata groupMetadata() {
        return GroupMetadata.newBuilder().setJid(GROUP).setSubject("Team").setSubjectOwner(PEER).setSubjectTime(AT)
                .setDescription("Our team").setDescriptionId("DESC1").setCreator(ACCOUNT).setCreatedAt(AT)
                .setSettingsOn(List.of(GroupSetting.ANNOUNCEMENT)).setEphemeralExpirationSeconds(86_400)
                .setParticipants(List.of(
                        GroupParticipant.newBuilder().setJid(ACCOUNT).setRole(GroupRole.SUPERADMIN).build(),
                        GroupParticipant.newBuilder().setJid(PEER).setLid("98765@lid").build()))
                .build();
    }

    private static List<SpecificRecord> groupChanges() {
        return List.of(
                GroupSnapshot.newBuilder().setMetadata(groupMetadata()).build(),
                ParticipantsChanged.newBuilder().setAction(ParticipantAction.PROMOTE).setParticipants(List.of(PEER)).build(),
                SubjectChanged.newBuilder().setSubject("Team 2").build(),
                DescriptionChanged.newBuilder().setDescription("New text").setDescriptionId("DESC2").build(),
                SettingChanged.newBuilder().setSetting(GroupSetting.LOCKED).setEnabled(true).build(),
                GroupTimerChanged.newBuilder().setExpirationSeconds(0).build(),
                InviteLinkReset.newBuilder().setCode("NewCode123").build(),
                io.tryx.events.v1.GroupLinked.newBuilder().setGroup("120363000000000088@g.us").setSubject("Garden club")
                        .build(),
                io.tryx.events.v1.GroupUnlinked.newBuilder().setGroup("120363000000000088@g.us").setReason("delete").build(),
                io.tryx.events.v1.MembershipRequested.newBuilder().setRequesters(List.of(PEER)).setMethod("invite_link")
                        .build(),
                io.tryx.events.v1.MembershipRequestsRevoked.newBuilder().setRequesters(List.of(PEER)).setWithdrawn(true)
                        .build());
    }

    private static GroupEvent group(String notificationId, SpecificRecord change) {
        return GroupEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, GROUP, notificationId, EventKind.of(change)))
                .setAccount(ACCOUNT).setChat(GROUP).setTimestamp(AT).setSource(source()).setAuthor(PEER)
                .setChange(change).build();
    }

    private static List<SpecificRecord> callSteps() {
        return List.of(
                CallOffered.newBuilder().setVideo(true).build(),
                CallAccepted.newBuilder().setBy("15551234567:3@s.whatsapp.net").build(),
                CallRejected.newBuilder().build(),
                CallTerminated.newBuilder().setReason("hangup").setDurationSeconds(42).build());
    }

    private static CallEvent call(SpecificRecord step) {
        String callId = "CALL5A1B2C3D4E5F";
        return CallEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, PEER, callId, EventKind.of(step)))
                .setAccount(ACCOUNT).setChat(PEER).setTimestamp(AT).setSource(source()).setCallId(callId)
                .setCaller(PEER).setStep(step).build();
    }

    private static HistorySyncEvent historySync() {
        HistoryConversation conversation = HistoryConversation.newBuilder().setChat(PEER).setName("Bob")
                .setUnreadCount(2).setPinned(true).setMutedUntil(AT).setEphemeralExpirationSeconds(86_400)
                .setMessages(List.of(message("3EB0HIST1", TextContent.newBuilder().setText("old news").build())))
                .build();
        return HistorySyncEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, ACCOUNT, "3EB0NOTIFY/1", EventKind.HISTORY_SYNC))
                .setAccount(ACCOUNT).setChat(ACCOUNT).setTimestamp(AT).setSource(source())
                .setSyncType(HistorySyncType.INITIAL_BOOTSTRAP).setChunkOrder(1).setPart(1).setParts(2).setProgress(40)
                .setConversations(List.of(conversation))
                .setPushNames(List.of(HistoryPushName.newBuilder().setUser(PEER).setPushName("Bob").build()))
                .build();
    }

    private static UndecryptableMessageEvent undecryptable() {
        return UndecryptableMessageEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, GROUP, "3EB0DDDD", EventKind.UNDECRYPTABLE))
                .setAccount(ACCOUNT).setChat(GROUP).setTimestamp(AT).setSource(source()).setKey(key(GROUP, "3EB0DDDD"))
                .setReason(UndecryptableReason.NO_SENDER_KEY).setDetail("no sender key for 15557654321:2")
                .setWillRetry(true).build();
    }
}
