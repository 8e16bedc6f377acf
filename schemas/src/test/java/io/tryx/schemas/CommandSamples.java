package io.tryx.schemas;

import static io.tryx.schemas.EventSamples.ACCOUNT;
import static io.tryx.schemas.EventSamples.AT;
import static io.tryx.schemas.EventSamples.GROUP;
import static io.tryx.schemas.EventSamples.PEER;

import io.tryx.commands.v1.BlobRef;
import io.tryx.commands.v1.Blocklist;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.DeadLetter;
import io.tryx.commands.v1.DeadLetterReason;
import io.tryx.commands.v1.ErrorCode;
import io.tryx.commands.v1.GroupInviteLink;
import io.tryx.commands.v1.MembershipRequest;
import io.tryx.commands.v1.MembershipRequests;
import io.tryx.commands.v1.NewsletterInfo;
import io.tryx.commands.v1.NewsletterList;
import io.tryx.commands.v1.NewsletterPostInfo;
import io.tryx.commands.v1.newsletter.CreateNewsletter;
import io.tryx.commands.v1.newsletter.FollowNewsletter;
import io.tryx.commands.v1.newsletter.GetNewsletterMetadata;
import io.tryx.commands.v1.newsletter.GetSubscribedNewsletters;
import io.tryx.commands.v1.newsletter.MuteNewsletter;
import io.tryx.commands.v1.newsletter.PostToNewsletter;
import io.tryx.commands.v1.newsletter.ReactToNewsletterPost;
import io.tryx.commands.v1.newsletter.UnfollowNewsletter;
import io.tryx.commands.v1.MediaSource;
import io.tryx.commands.v1.MediaUrl;
import io.tryx.commands.v1.OnWhatsAppResult;
import io.tryx.commands.v1.OnWhatsAppResults;
import io.tryx.commands.v1.OutgoingAudio;
import io.tryx.commands.v1.OutgoingDocument;
import io.tryx.commands.v1.OutgoingImage;
import io.tryx.commands.v1.OutgoingSticker;
import io.tryx.commands.v1.OutgoingVideo;
import io.tryx.commands.v1.ParticipantResult;
import io.tryx.commands.v1.ParticipantResults;
import io.tryx.commands.v1.PrivacySettings;
import io.tryx.commands.v1.ProfilePictureInfo;
import io.tryx.commands.v1.UserInfo;
import io.tryx.commands.v1.UserInfoResults;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.LogOut;
import io.tryx.commands.v1.account.PairingMode;
import io.tryx.commands.v1.account.RemoveAccount;
import io.tryx.commands.v1.blocking.BlockUser;
import io.tryx.commands.v1.blocking.GetBlocklist;
import io.tryx.commands.v1.blocking.UnblockUser;
import io.tryx.commands.v1.chatactions.ArchiveChat;
import io.tryx.commands.v1.chatactions.ClearChat;
import io.tryx.commands.v1.chatactions.DeleteChat;
import io.tryx.commands.v1.chatactions.DeleteMessageForMe;
import io.tryx.commands.v1.chatactions.MarkChatRead;
import io.tryx.commands.v1.chatactions.MuteChat;
import io.tryx.commands.v1.chatactions.PinChat;
import io.tryx.commands.v1.chatactions.StarMessage;
import io.tryx.commands.v1.contacts.CheckOnWhatsApp;
import io.tryx.commands.v1.contacts.GetProfilePicture;
import io.tryx.commands.v1.contacts.GetUserInfo;
import io.tryx.commands.v1.community.CreateCommunity;
import io.tryx.commands.v1.community.LinkGroup;
import io.tryx.commands.v1.community.UnlinkGroup;
import io.tryx.commands.v1.groups.ApproveMembershipRequests;
import io.tryx.commands.v1.groups.CreateGroup;
import io.tryx.commands.v1.groups.GetMembershipRequests;
import io.tryx.commands.v1.groups.RejectMembershipRequests;
import io.tryx.commands.v1.groups.GetGroupMetadata;
import io.tryx.commands.v1.groups.GetInviteLink;
import io.tryx.commands.v1.groups.JoinGroupByInvite;
import io.tryx.commands.v1.groups.LeaveGroup;
import io.tryx.commands.v1.groups.RevokeInviteLink;
import io.tryx.commands.v1.groups.SetGroupDescription;
import io.tryx.commands.v1.groups.SetGroupSetting;
import io.tryx.commands.v1.groups.SetGroupSubject;
import io.tryx.commands.v1.groups.UpdateParticipants;
import io.tryx.commands.v1.messages.EditMessage;
import io.tryx.commands.v1.messages.MarkRead;
import io.tryx.commands.v1.messages.RevokeMessage;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.commands.v1.messages.SendReaction;
import io.tryx.commands.v1.polls.CreatePoll;
import io.tryx.commands.v1.polls.VotePoll;
import io.tryx.commands.v1.presence.SendChatState;
import io.tryx.commands.v1.presence.SetPresence;
import io.tryx.commands.v1.presence.SubscribePresence;
import io.tryx.commands.v1.privacy.GetPrivacySettings;
import io.tryx.commands.v1.privacy.PrivacyEntry;
import io.tryx.commands.v1.privacy.PrivacySetting;
import io.tryx.commands.v1.privacy.PrivacyValue;
import io.tryx.commands.v1.privacy.SetPrivacySetting;
import io.tryx.commands.v1.profile.RemoveProfilePicture;
import io.tryx.commands.v1.profile.SetProfilePicture;
import io.tryx.commands.v1.profile.SetPushName;
import io.tryx.commands.v1.profile.SetStatusText;
import io.tryx.commands.v1.status.PostStatus;
import io.tryx.commands.v1.status.RevokeStatus;
import io.tryx.commands.v1.status.TextStatus;
import io.tryx.common.v1.ChatState;
import io.tryx.common.v1.ContactCard;
import io.tryx.common.v1.ContactsContent;
import io.tryx.common.v1.GroupSetting;
import io.tryx.common.v1.LocationContent;
import io.tryx.common.v1.MessageContext;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.ParticipantAction;
import io.tryx.common.v1.PresenceState;
import io.tryx.common.v1.QuotedMessage;
import io.tryx.common.v1.TextContent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One example of every command action, every result payload, a failure and a dead letter. */
final class CommandSamples {

    private CommandSamples() {
    }

    static List<SpecificRecord> all() {
        ContractRuntime.install();
        List<SpecificRecord> all = new ArrayList<>();
        actions().forEach(action -> all.add(command("cmd-" + all.size(), action)));
        payloads().forEach(payload -> all.add(result("cmd-" + all.size(), CommandSucceeded.newBuilder()
                .setPayload(payload).build())));
        all.add(result("cmd-send", CommandSucceeded.newBuilder().setMessageId("3EB0SENT").setServerTimestamp(AT).build()));
        all.add(result("cmd-fail", CommandFailed.newBuilder().setCode(ErrorCode.SERVER_ERROR)
                .setMessage("not-authorized").setServerCode(403).setRetryable(false).build()));
        all.add(deadLetter());
        return all;
    }

    static Command command(String commandId, SpecificRecord action) {
        return Command.newBuilder().setCommandId(commandId).setAccount(ACCOUNT).setIssuedAt(AT).setAction(action).build();
    }

    private static MediaSource url(String url, String mimetype) {
        return MediaSource.newBuilder().setLocation(MediaUrl.newBuilder().setUrl(url).build()).setMimetype(mimetype)
                .build();
    }

    private static MediaSource blob(String blobId) {
        return MediaSource.newBuilder().setLocation(BlobRef.newBuilder().setBlobId(blobId).build()).build();
    }

    private static MessageKey theirs(String id) {
        return MessageKey.newBuilder().setChat(PEER).setId(id).setFromMe(false).build();
    }

    private static MessageKey ours(String id) {
        return MessageKey.newBuilder().setChat(GROUP).setId(id).setFromMe(true).setSender(ACCOUNT).build();
    }

    private static SendMessage send(Object content) {
        return SendMessage.newBuilder().setChat(PEER).setContent(content).build();
    }

    static final String NEWSLETTER = "120363000000000099@newsletter";

    static List<SpecificRecord> actions() {
        MessageContext reply = MessageContext.newBuilder()
                .setQuoted(QuotedMessage.newBuilder().setKey(theirs("3EB0Q")).build()).setMentions(List.of(PEER)).build();
        return List.of(
                SendMessage.newBuilder().setChat(GROUP).setContent(TextContent.newBuilder().setText("hi @15557654321")
                        .build()).setContext(reply).build(),
                send(OutgoingImage.newBuilder().setMedia(url("https://files.example/cat.jpg", "image/jpeg"))
                        .setCaption("cat").build()),
                send(OutgoingVideo.newBuilder().setMedia(blob("blob-1")).setGifPlayback(true).build()),
                send(OutgoingAudio.newBuilder().setMedia(blob("blob-2")).setVoice(true).build()),
                send(OutgoingDocument.newBuilder().setMedia(blob("blob-3")).setFileName("report.pdf").build()),
                send(OutgoingSticker.newBuilder().setMedia(blob("blob-4")).build()),
                send(LocationContent.newBuilder().setLatitude(48.8566).setLongitude(2.3522).setLive(false).build()),
                send(ContactsContent.newBuilder().setContacts(List.of(ContactCard.newBuilder().setDisplayName("Ann")
                        .setVcard("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD").build())).build()),
                SendReaction.newBuilder().setMessage(theirs("3EB0R")).setEmoji("❤️").build(),
                EditMessage.newBuilder().setMessage(ours("3EB0E")).setText("edited").build(),
                RevokeMessage.newBuilder().setMessage(ours("3EB0V")).build(),
                MarkRead.newBuilder().setChat(GROUP).setMessageIds(List.of("3EB0A", "3EB0B")).setSender(PEER).build(),
                SendChatState.newBuilder().setChat(PEER).setState(ChatState.RECORDING).build(),
                SetPresence.newBuilder().setState(PresenceState.AVAILABLE).build(),
                SubscribePresence.newBuilder().setUser(PEER).build(),
                CreateGroup.newBuilder().setSubject("Team").setParticipants(List.of(PEER)).build(),
                LeaveGroup.newBuilder().setGroup(GROUP).build(),
                UpdateParticipants.newBuilder().setGroup(GROUP).setAction(ParticipantAction.ADD)
                        .setParticipants(List.of(PEER)).build(),
                SetGroupSubject.newBuilder().setGroup(GROUP).setSubject("Team 2").build(),
                SetGroupDescription.newBuilder().setGroup(GROUP).setDescription(null).build(),
                SetGroupSetting.newBuilder().setGroup(GROUP).setSetting(GroupSetting.JOIN_APPROVAL).setEnabled(true)
                        .build(),
                GetInviteLink.newBuilder().setGroup(GROUP).build(),
                RevokeInviteLink.newBuilder().setGroup(GROUP).build(),
                JoinGroupByInvite.newBuilder().setCode("AbCdEfGhIjK").build(),
                GetGroupMetadata.newBuilder().setGroup(GROUP).build(),
                GetMembershipRequests.newBuilder().setGroup(GROUP).build(),
                ApproveMembershipRequests.newBuilder().setGroup(GROUP).setParticipants(List.of(PEER)).build(),
                RejectMembershipRequests.newBuilder().setGroup(GROUP).setParticipants(List.of(PEER)).build(),
                CreateCommunity.newBuilder().setSubject("Neighbours").setParticipants(List.of(PEER)).build(),
                LinkGroup.newBuilder().setCommunity("120363000000000077@g.us").setGroup(GROUP).build(),
                UnlinkGroup.newBuilder().setCommunity("120363000000000077@g.us").setGroup(GROUP).build(),
                CreateNewsletter.newBuilder().setName("Updates").setDescription("News from us").build(),
                GetNewsletterMetadata.newBuilder().setInviteCode("0029VaAbCdEf").build(),
                GetSubscribedNewsletters.newBuilder().build(),
                FollowNewsletter.newBuilder().setNewsletter(NEWSLETTER).build(),
                UnfollowNewsletter.newBuilder().setNewsletter(NEWSLETTER).build(),
                MuteNewsletter.newBuilder().setNewsletter(NEWSLETTER).setMuted(true).build(),
                PostToNewsletter.newBuilder().setNewsletter(NEWSLETTER).setText("Hello followers").build(),
                ReactToNewsletterPost.newBuilder().setNewsletter(NEWSLETTER).setServerId(101).setEmoji("👍").build(),
                CheckOnWhatsApp.newBuilder().setPhoneNumbers(List.of("+15557654321", "15550000000")).build(),
                GetProfilePicture.newBuilder().setJid(PEER).setPreview(true).build(),
                GetUserInfo.newBuilder().setUsers(List.of(PEER)).build(),
                GetPrivacySettings.newBuilder().build(),
                SetPrivacySetting.newBuilder().setSetting(PrivacySetting.LAST_SEEN).setValue(PrivacyValue.CONTACTS)
                        .build(),
                GetBlocklist.newBuilder().setRefresh(true).build(),
                BlockUser.newBuilder().setUser(PEER).build(),
                UnblockUser.newBuilder().setUser(PEER).build(),
                SetPushName.newBuilder().setName("Tryx").build(),
                SetStatusText.newBuilder().setText("Busy").build(),
                SetProfilePicture.newBuilder().setTarget(GROUP).setImage(blob("blob-5")).build(),
                RemoveProfilePicture.newBuilder().build(),
                ArchiveChat.newBuilder().setChat(PEER).setArchived(true).build(),
                PinChat.newBuilder().setChat(PEER).setPinned(true).build(),
                MuteChat.newBuilder().setChat(PEER).setMuted(true).setMutedUntil(AT.plusSeconds(3_600)).build(),
                MarkChatRead.newBuilder().setChat(PEER).setRead(false).build(),
                StarMessage.newBuilder().setMessage(theirs("3EB0S")).setStarred(true).build(),
                DeleteMessageForMe.newBuilder().setMessage(theirs("3EB0D")).setDeleteMedia(true)
                        .setSentAt(AT.minusSeconds(60)).build(),
                DeleteChat.newBuilder().setChat(PEER).build(),
                ClearChat.newBuilder().setChat(PEER).setKeepStarred(false).build(),
                CreatePoll.newBuilder().setChat(GROUP).setName("Lunch?").setOptions(List.of("Pizza", "Sushi"))
                        .setSelectableCount(1).build(),
                VotePoll.newBuilder().setPoll(theirs("3EB0P")).setSelectedOptions(List.of("Pizza")).build(),
                PostStatus.newBuilder().setContent(TextStatus.newBuilder().setText("Hello").setBackgroundArgb(0xFF1E6E4F)
                        .build()).setAudience(List.of(PEER)).build(),
                RevokeStatus.newBuilder().setMessageId("3EB0ST").setAudience(List.of(PEER)).build(),
                AddAccount.newBuilder().setMode(PairingMode.PAIR_CODE).setDeviceName("Tryx Bridge").build(),
                LogOut.newBuilder().setReason("rotating devices").build(),
                RemoveAccount.newBuilder().build());
    }

    static List<Object> payloads() {
        return List.of(
                EventSamples.groupMetadata(),
                GroupInviteLink.newBuilder().setGroup(GROUP).setCode("AbCdEfGhIjK")
                        .setLink("https://chat.whatsapp.com/AbCdEfGhIjK").build(),
                ParticipantResults.newBuilder().setResults(List.of(ParticipantResult.newBuilder().setJid(PEER)
                        .setOk(false).setCode(409).build())).build(),
                PrivacySettings.newBuilder().setEntries(List.of(PrivacyEntry.newBuilder()
                        .setSetting(PrivacySetting.READ_RECEIPTS).setValue(PrivacyValue.ALL).build())).build(),
                Blocklist.newBuilder().setUsers(List.of(PEER)).build(),
                OnWhatsAppResults.newBuilder().setResults(List.of(
                        OnWhatsAppResult.newBuilder().setQuery("+15557654321").setOnWhatsApp(true).setJid(PEER).build(),
                        OnWhatsAppResult.newBuilder().setQuery("15550000000").setOnWhatsApp(false).build())).build(),
                ProfilePictureInfo.newBuilder().setJid(PEER).setUrl("https://pps.whatsapp.net/v/t61/abc.jpg")
                        .setPictureId("1700000000").build(),
                UserInfoResults.newBuilder().setUsers(List.of(UserInfo.newBuilder().setJid(PEER).setAbout("Hey")
                        .setDevices(List.of("15557654321:0@s.whatsapp.net", "15557654321:2@s.whatsapp.net")).build()))
                        .build(),
                MembershipRequests.newBuilder().setRequests(List.of(MembershipRequest.newBuilder().setJid(PEER)
                        .setRequestedAt(AT).build())).build(),
                newsletterInfo(),
                NewsletterList.newBuilder().setNewsletters(List.of(newsletterInfo())).build(),
                NewsletterPostInfo.newBuilder().setNewsletter(NEWSLETTER).setServerId(101).build());
    }

    private static NewsletterInfo newsletterInfo() {
        return NewsletterInfo.newBuilder().setJid(NEWSLETTER).setName("Updates").setInviteCode("0029VaAbCdEf")
                .setSubscribers(42).setRole("SUBSCRIBER").setMuted(false).build();
    }

    static CommandResult result(String commandId, Object status) {
        return CommandResult.newBuilder().setCommandId(commandId).setAccount(ACCOUNT).setCompletedAt(AT)
                .setStatus(status).build();
    }

    private static DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setOriginalTopic("tryx.commands").setPartition(3).setOffset(1_234L)
                .setKey(ByteBuffer.wrap(ACCOUNT.getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 7, 42}))
                .setReason(DeadLetterReason.UNDECODABLE).setDetail("unknown writer schema id 7").setTimestamp(AT)
                .build();
    }
}
