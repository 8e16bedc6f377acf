package io.tryx.bridge.events;

import com.google.protobuf.ByteString;
import io.tryx.common.v1.ContactsContent;
import io.tryx.common.v1.LocationContent;
import io.tryx.common.v1.MediaInfo;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.TextContent;
import io.tryx.events.v1.AudioContent;
import io.tryx.events.v1.DisappearingTimerContent;
import io.tryx.events.v1.DocumentContent;
import io.tryx.events.v1.EditContent;
import io.tryx.events.v1.GroupInviteContent;
import io.tryx.events.v1.ImageContent;
import io.tryx.events.v1.MessageEvent;
import io.tryx.events.v1.PollCreateContent;
import io.tryx.events.v1.ReactionContent;
import io.tryx.events.v1.RevokeContent;
import io.tryx.events.v1.StickerContent;
import io.tryx.events.v1.UnsupportedContent;
import io.tryx.events.v1.VideoContent;
import io.tryx.protocol.client.messaging.MessageEvent.MessageReceived;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.Message;
import io.tryx.schemas.ContractRuntime;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every content kind an E2E Message can carry, mapped from a real protobuf message into the contract's union. */
class MessageEventMapperTest {

    private static final String ACCOUNT = "15551110000@s.whatsapp.net";
    private static final Jid PEER = Jid.parse("15552220000@s.whatsapp.net");
    private static final Jid GROUP = Jid.parse("120363025246125486@g.us");
    private static final Instant SENT = Instant.ofEpochSecond(1_760_000_000L);
    private static final EventOrigin ORIGIN = new EventOrigin(ACCOUNT, "99887766554433@lid",
            "15551110000:3@s.whatsapp.net", "9.9.9");
    private static final byte[] KEY = bytes(32, 1);
    private static final byte[] SHA = bytes(32, 2);
    private static final byte[] ENC_SHA = bytes(32, 3);
    private static final byte[] THUMB = {(byte) 0xff, (byte) 0xd8, 1, 2};

    private final MessageEventMapper mapper = new MessageEventMapper();

    @BeforeAll
    static void contract() {
        ContractRuntime.install();
    }

    @Test
    void aPlainConversationIsTextWithTheHeaderKeyAndDeterministicEventId() {
        MessageEvent event = map(Message.newBuilder().setConversation("hello").build());

        assertThat(event.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, PEER.toString(), "3EB0AA", EventKind.MESSAGE));
        assertThat(event.getAccount()).isEqualTo(ACCOUNT);
        assertThat(event.getChat()).isEqualTo(PEER.toString());
        assertThat(event.getTimestamp()).isEqualTo(SENT);
        assertThat(event.getSource().getDevice()).isEqualTo("15551110000:3@s.whatsapp.net");
        assertThat(event.getSource().getBridgeVersion()).isEqualTo("9.9.9");
        assertThat(event.getSource().getServerTimestamp()).contains(SENT);
        assertThat(event.getKey()).isEqualTo(MessageKey.newBuilder().setChat(PEER.toString()).setId("3EB0AA")
                .setFromMe(false).build());
        assertThat(event.getPushName()).contains("Peer");
        assertThat(event.getContent()).isEqualTo(TextContent.newBuilder().setText("hello").build());
        assertThat(event.getContext().getMentions()).isEmpty();
        assertThat(event.getViewOnce()).isFalse();
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void extendedTextCarriesTheLinkPreviewMentionsQuotedReplyForwardingAndTimer() {
        Message message = Message.newBuilder().setExtendedTextMessage(Message.ExtendedTextMessage.newBuilder()
                .setText("see https://example.com @15553330000")
                .setMatchedText("https://example.com").setTitle("Example").setDescription("An example")
                .setJpegThumbnail(ByteString.copyFrom(THUMB))
                .setContextInfo(ContextInfo.newBuilder().setStanzaId("3EB0QUOTED").setParticipant(ACCOUNT)
                        .setQuotedMessage(Message.newBuilder().setConversation("the original"))
                        .addMentionedJid("15553330000@s.whatsapp.net")
                        .setIsForwarded(true).setForwardingScore(2).setExpiration(86_400))).build();

        MessageEvent event = map(message);

        TextContent text = (TextContent) event.getContent();
        assertThat(text.getText()).isEqualTo("see https://example.com @15553330000");
        var preview = text.getLinkPreview().orElseThrow();
        assertThat(preview.getMatchedText()).isEqualTo("https://example.com");
        assertThat(preview.getTitle()).contains("Example");
        assertThat(preview.getDescription()).contains("An example");
        assertThat(preview.getThumbnailJpeg()).contains(ByteBuffer.wrap(THUMB));
        var context = event.getContext();
        assertThat(context.getMentions()).containsExactly("15553330000@s.whatsapp.net");
        assertThat(context.getForwarded()).isTrue();
        assertThat(context.getForwardingScore()).isEqualTo(2);
        assertThat(context.getEphemeralExpirationSeconds()).contains(86_400);
        var quoted = context.getQuoted().orElseThrow();
        assertThat(quoted.getKey()).isEqualTo(MessageKey.newBuilder().setChat(PEER.toString()).setId("3EB0QUOTED")
                .setFromMe(true).build());
        assertThat(quoted.getText()).contains("the original");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void imagesInsideEphemeralAndViewOnceWrappersAreImagesFlaggedViewOnce() {
        Message image = Message.newBuilder().setImageMessage(Message.ImageMessage.newBuilder()
                .setUrl("https://mmg.whatsapp.net/x.enc").setDirectPath("/v/t62.7118-24/x.enc").setMimetype("image/jpeg")
                .setMediaKey(ByteString.copyFrom(KEY)).setFileSha256(ByteString.copyFrom(SHA))
                .setFileEncSha256(ByteString.copyFrom(ENC_SHA)).setFileLength(12_345).setMediaKeyTimestamp(1_760_000_001L)
                .setWidth(640).setHeight(480).setCaption("a cat").setJpegThumbnail(ByteString.copyFrom(THUMB))
                .setContextInfo(ContextInfo.newBuilder().setExpiration(604_800))).build();
        Message wrapped = Message.newBuilder().setEphemeralMessage(Message.FutureProofMessage.newBuilder()
                .setMessage(Message.newBuilder().setViewOnceMessageV2(Message.FutureProofMessage.newBuilder()
                        .setMessage(image)))).build();

        MessageEvent event = map(wrapped);

        ImageContent content = (ImageContent) event.getContent();
        assertThat(content.getMedia()).isEqualTo(media("image/jpeg", 12_345));
        assertThat(content.getCaption()).contains("a cat");
        assertThat(content.getWidth()).contains(640);
        assertThat(content.getHeight()).contains(480);
        assertThat(content.getThumbnailJpeg()).contains(ByteBuffer.wrap(THUMB));
        assertThat(event.getViewOnce()).isTrue();
        assertThat(event.getContext().getEphemeralExpirationSeconds()).contains(604_800);
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void videoVideoNoteAudioDocumentAndStickerKeepTheirMediaAndKindFields() {
        VideoContent video = (VideoContent) map(Message.newBuilder().setVideoMessage(Message.VideoMessage.newBuilder()
                .setDirectPath("/v/t62.7118-24/x.enc").setUrl("https://mmg.whatsapp.net/x.enc").setMimetype("video/mp4")
                .setMediaKey(ByteString.copyFrom(KEY)).setFileSha256(ByteString.copyFrom(SHA))
                .setFileEncSha256(ByteString.copyFrom(ENC_SHA)).setFileLength(999).setMediaKeyTimestamp(1_760_000_001L)
                .setSeconds(12).setGifPlayback(true).setWidth(320).setHeight(240).setCaption("clip")).build()).getContent();
        assertThat(video.getMedia()).isEqualTo(media("video/mp4", 999));
        assertThat(video.getDurationSeconds()).contains(12);
        assertThat(video.getGifPlayback()).isTrue();
        assertThat(video.getCaption()).contains("clip");

        VideoContent note = (VideoContent) map(Message.newBuilder().setPtvMessage(Message.VideoMessage.newBuilder()
                .setMimetype("video/mp4").setSeconds(5)).build()).getContent();
        assertThat(note.getDurationSeconds()).contains(5);

        AudioContent audio = (AudioContent) map(Message.newBuilder().setAudioMessage(Message.AudioMessage.newBuilder()
                .setDirectPath("/v/t62.7118-24/x.enc").setUrl("https://mmg.whatsapp.net/x.enc")
                .setMimetype("audio/ogg; codecs=opus").setMediaKey(ByteString.copyFrom(KEY))
                .setFileSha256(ByteString.copyFrom(SHA)).setFileEncSha256(ByteString.copyFrom(ENC_SHA)).setFileLength(999)
                .setMediaKeyTimestamp(1_760_000_001L).setSeconds(7).setPtt(true)
                .setWaveform(ByteString.copyFrom(new byte[] {1, 50, 100}))).build()).getContent();
        assertThat(audio.getMedia()).isEqualTo(media("audio/ogg; codecs=opus", 999));
        assertThat(audio.getDurationSeconds()).contains(7);
        assertThat(audio.getVoice()).isTrue();
        assertThat(audio.getWaveform()).contains(ByteBuffer.wrap(new byte[] {1, 50, 100}));

        Message document = Message.newBuilder().setDocumentMessage(Message.DocumentMessage.newBuilder()
                .setDirectPath("/v/t62.7118-24/x.enc").setUrl("https://mmg.whatsapp.net/x.enc").setMimetype("application/pdf")
                .setMediaKey(ByteString.copyFrom(KEY)).setFileSha256(ByteString.copyFrom(SHA))
                .setFileEncSha256(ByteString.copyFrom(ENC_SHA)).setFileLength(999).setMediaKeyTimestamp(1_760_000_001L)
                .setFileName("report.pdf").setTitle("Report").setPageCount(3).setCaption("read this")).build();
        MessageEvent withCaption = map(Message.newBuilder().setDocumentWithCaptionMessage(
                Message.FutureProofMessage.newBuilder().setMessage(document)).build());
        DocumentContent doc = (DocumentContent) withCaption.getContent();
        assertThat(doc.getMedia()).isEqualTo(media("application/pdf", 999));
        assertThat(doc.getFileName()).contains("report.pdf");
        assertThat(doc.getTitle()).contains("Report");
        assertThat(doc.getPageCount()).contains(3);
        assertThat(doc.getCaption()).contains("read this");
        assertThat(withCaption.getViewOnce()).isFalse();

        StickerContent sticker = (StickerContent) map(Message.newBuilder().setStickerMessage(Message.StickerMessage.newBuilder()
                .setDirectPath("/v/t62.7118-24/x.enc").setUrl("https://mmg.whatsapp.net/x.enc")
                .setMediaKey(ByteString.copyFrom(KEY)).setFileSha256(ByteString.copyFrom(SHA))
                .setFileEncSha256(ByteString.copyFrom(ENC_SHA)).setFileLength(999).setMediaKeyTimestamp(1_760_000_001L)
                .setWidth(512).setHeight(512).setIsAnimated(true)).build()).getContent();
        assertThat(sticker.getMedia()).isEqualTo(media("image/webp", 999));
        assertThat(sticker.getAnimated()).isTrue();
        assertThat(sticker.getWidth()).contains(512);
    }

    @Test
    void locationsLiveLocationsAndContactCards() {
        LocationContent location = (LocationContent) map(Message.newBuilder().setLocationMessage(Message.LocationMessage
                .newBuilder().setDegreesLatitude(52.52).setDegreesLongitude(13.405).setName("Berlin").setAddress("Mitte")
                .setUrl("https://example.com/berlin").setAccuracyInMeters(10).setComment("here")).build()).getContent();
        assertThat(location).isEqualTo(LocationContent.newBuilder().setLatitude(52.52).setLongitude(13.405)
                .setName("Berlin").setAddress("Mitte").setUrl("https://example.com/berlin").setLive(false)
                .setAccuracyMeters(10).setComment("here").build());

        LocationContent live = (LocationContent) map(Message.newBuilder().setLiveLocationMessage(Message.LiveLocationMessage
                .newBuilder().setDegreesLatitude(1.5).setDegreesLongitude(2.5).setCaption("on my way")).build()).getContent();
        assertThat(live.getLive()).isTrue();
        assertThat(live.getComment()).contains("on my way");

        String vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nTEL;type=CELL;waid=15553330000:+1 555 333 0000\nEND:VCARD";
        ContactsContent one = (ContactsContent) map(Message.newBuilder().setContactMessage(Message.ContactMessage.newBuilder()
                .setDisplayName("Ann").setVcard(vcard)).build()).getContent();
        assertThat(one.getContacts()).singleElement().satisfies(c -> {
            assertThat(c.getDisplayName()).isEqualTo("Ann");
            assertThat(c.getVcard()).isEqualTo(vcard);
        });
        ContactsContent many = (ContactsContent) map(Message.newBuilder().setContactsArrayMessage(Message.ContactsArrayMessage
                .newBuilder().setDisplayName("2 contacts")
                .addContacts(Message.ContactMessage.newBuilder().setDisplayName("Ann").setVcard(vcard))
                .addContacts(Message.ContactMessage.newBuilder().setDisplayName("Bob").setVcard(vcard))).build()).getContent();
        assertThat(many.getContacts()).extracting(c -> c.getDisplayName()).containsExactly("Ann", "Bob");
    }

    @Test
    void reactionsEditsAndRevokesNameTheirTargetFromOurSide() {
        // the peer reacts to our message: in its key, fromMe=false means "not sent by the reacting peer", i.e. ours
        ReactionContent reaction = (ReactionContent) map(Message.newBuilder().setReactionMessage(Message.ReactionMessage
                .newBuilder().setKey(CommonProto.MessageKey.newBuilder().setRemoteJid(ACCOUNT).setFromMe(false).setId("OURS"))
                .setText("👍").setSenderTimestampMs(1_760_000_000_123L)).build()).getContent();
        assertThat(reaction.getTarget()).isEqualTo(MessageKey.newBuilder().setChat(PEER.toString()).setId("OURS")
                .setFromMe(true).build());
        assertThat(reaction.getEmoji()).isEqualTo("👍");
        assertThat(reaction.getSenderTimestamp()).contains(Instant.ofEpochMilli(1_760_000_000_123L));

        Message edit = Message.newBuilder().setEditedMessage(Message.FutureProofMessage.newBuilder().setMessage(
                Message.newBuilder().setProtocolMessage(Message.ProtocolMessage.newBuilder()
                        .setType(Message.ProtocolMessage.Type.MESSAGE_EDIT)
                        .setKey(CommonProto.MessageKey.newBuilder().setRemoteJid(ACCOUNT).setFromMe(true).setId("THEIRS"))
                        .setEditedMessage(Message.newBuilder().setConversation("fixed typo"))))).build();
        EditContent edited = (EditContent) map(edit).getContent();
        assertThat(edited.getTarget()).isEqualTo(MessageKey.newBuilder().setChat(PEER.toString()).setId("THEIRS")
                .setFromMe(false).build());
        assertThat(edited.getText()).isEqualTo("fixed typo");

        RevokeContent revoked = (RevokeContent) map(Message.newBuilder().setProtocolMessage(Message.ProtocolMessage.newBuilder()
                .setType(Message.ProtocolMessage.Type.REVOKE)
                .setKey(CommonProto.MessageKey.newBuilder().setRemoteJid(ACCOUNT).setFromMe(true).setId("GONE"))).build())
                .getContent();
        assertThat(revoked.getTarget().getId()).isEqualTo("GONE");
        assertThat(revoked.getTarget().getFromMe()).isFalse();
    }

    @Test
    void inGroupsTheKeysNameTheAuthorsAndOurOwnLidCountsAsUs() {
        MessageInfo info = new MessageInfo("3EB0GG", GROUP, Jid.parse("15552220000:2@s.whatsapp.net"), null, false, true,
                SENT, "Peer", "", "text", false);
        Message message = Message.newBuilder().setReactionMessage(Message.ReactionMessage.newBuilder()
                .setKey(CommonProto.MessageKey.newBuilder().setRemoteJid(GROUP.toString()).setFromMe(false).setId("M1")
                        .setParticipant("99887766554433@lid")).setText("❤")).build();

        MessageEvent event = mapper.map(ORIGIN, new MessageReceived(info, message));

        assertThat(event.getKey().getSender()).contains("15552220000@s.whatsapp.net");
        assertThat(((ReactionContent) event.getContent()).getTarget()).isEqualTo(MessageKey.newBuilder()
                .setChat(GROUP.toString()).setId("M1").setFromMe(true).setSender("99887766554433@lid").build());
    }

    @Test
    void pollsTimersInvitesAndWhatTheContractDoesNotModel() {
        PollCreateContent poll = (PollCreateContent) map(Message.newBuilder().setPollCreationMessageV3(
                Message.PollCreationMessage.newBuilder().setName("Lunch?").setSelectableOptionsCount(1)
                        .addOptions(Message.PollCreationMessage.Option.newBuilder().setOptionName("Pizza"))
                        .addOptions(Message.PollCreationMessage.Option.newBuilder().setOptionName("Sushi"))).build())
                .getContent();
        assertThat(poll).isEqualTo(PollCreateContent.newBuilder().setName("Lunch?").setOptions(List.of("Pizza", "Sushi"))
                .setSelectableCount(1).build());

        Message vote = Message.newBuilder().setPollUpdateMessage(Message.PollUpdateMessage.newBuilder()
                .setPollCreationMessageKey(CommonProto.MessageKey.newBuilder().setId("POLL"))
                .setVote(Message.PollEncValue.newBuilder().setEncPayload(ByteString.copyFrom(bytes(16, 4)))
                        .setEncIv(ByteString.copyFrom(bytes(12, 5))))).build();
        assertThat(map(vote).getContent()).isEqualTo(UnsupportedContent.newBuilder().setMessageType("pollUpdateMessage").build());

        assertThat(map(Message.newBuilder().setProtocolMessage(Message.ProtocolMessage.newBuilder()
                .setType(Message.ProtocolMessage.Type.EPHEMERAL_SETTING).setEphemeralExpiration(604_800)).build()).getContent())
                .isEqualTo(DisappearingTimerContent.newBuilder().setExpirationSeconds(604_800).build());

        GroupInviteContent invite = (GroupInviteContent) map(Message.newBuilder().setGroupInviteMessage(
                Message.GroupInviteMessage.newBuilder().setGroupJid(GROUP.toString()).setGroupName("Friends")
                        .setInviteCode("AbCdEf123").setInviteExpiration(1_760_100_000L).setCaption("join us")).build())
                .getContent();
        assertThat(invite).isEqualTo(GroupInviteContent.newBuilder().setGroup(GROUP.toString()).setGroupName("Friends")
                .setCode("AbCdEf123").setExpiresAt(Instant.ofEpochSecond(1_760_100_000L)).setCaption("join us").build());

        assertThat(map(Message.newBuilder().setEventMessage(Message.EventMessage.newBuilder().setName("Party")).build())
                .getContent()).isEqualTo(UnsupportedContent.newBuilder().setMessageType("eventMessage").build());
        assertThat(map(Message.newBuilder().setProtocolMessage(Message.ProtocolMessage.newBuilder()
                .setType(Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION)).build()).getContent())
                .isEqualTo(UnsupportedContent.newBuilder().setMessageType("protocolMessage.HISTORY_SYNC_NOTIFICATION").build());
    }

    @Test
    void aDecryptedVoteBecomesPollVoteContentNamingThePollAndTheSelectedOptions() {
        MessageInfo info = new MessageInfo("3EB0VV", GROUP, Jid.parse("15552220000:2@s.whatsapp.net"), null, false, true,
                SENT, "Peer", "", "poll", false);
        var poll = new io.tryx.protocol.store.MessageRef(GROUP, Jid.parse(ACCOUNT), "3EB0POLL");
        MessageEvent event = mapper.map(ORIGIN, new io.tryx.protocol.client.messaging.MessageEvent.PollVoteReceived(info,
                poll, "Where?", List.of("Alps", "Coast", "City"), List.of("Alps", "City"), SENT));
        assertThat(event.getKey().getId()).isEqualTo("3EB0VV");
        assertThat(event.getKey().getSender()).contains("15552220000@s.whatsapp.net");
        var vote = (io.tryx.events.v1.PollVoteContent) event.getContent();
        assertThat(vote.getPoll().getId()).isEqualTo("3EB0POLL");
        assertThat(vote.getPoll().getFromMe()).isTrue();
        assertThat(vote.getPoll().getSender()).contains(ACCOUNT);
        assertThat(vote.getSelectedOptions()).containsExactly("Alps", "City");
    }

    private MessageEvent map(Message message) {
        MessageInfo info = new MessageInfo("3EB0AA", PEER, PEER.withDevice(0), null, false, false, SENT, "Peer", "", "text",
                false);
        return mapper.map(ORIGIN, new MessageReceived(info, message));
    }

    private static MediaInfo media(String mimetype, long length) {
        return MediaInfo.newBuilder().setDirectPath("/v/t62.7118-24/x.enc").setUrl("https://mmg.whatsapp.net/x.enc")
                .setMediaKey(ByteBuffer.wrap(KEY)).setFileSha256(ByteBuffer.wrap(SHA))
                .setFileEncSha256(ByteBuffer.wrap(ENC_SHA)).setFileLength(length).setMimetype(mimetype)
                .setMediaKeyTimestamp(Instant.ofEpochSecond(1_760_000_001L)).build();
    }

    private static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 31 + i);
        }
        return out;
    }

    /** Through the Avro binary encoding and back: the record is valid against the contract. */
    private static MessageEvent roundTrip(MessageEvent event) {
        try {
            return MessageEvent.fromByteBuffer(event.toByteBuffer());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
