package io.tryx.protocol.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.tryx.protocol.proto.AdvProto.ADVDeviceIdentity;
import io.tryx.protocol.proto.AdvProto.ADVEncryptionType;
import io.tryx.protocol.proto.AdvProto.ADVKeyIndexList;
import io.tryx.protocol.proto.AdvProto.ADVSignedDeviceIdentity;
import io.tryx.protocol.proto.AdvProto.ADVSignedDeviceIdentityHMAC;
import io.tryx.protocol.proto.AdvProto.ADVSignedKeyIndexList;
import io.tryx.protocol.proto.CertProto.CertChain;
import io.tryx.protocol.proto.CommonProto.MessageKey;
import io.tryx.protocol.proto.CompanionProto.DeviceProps;
import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.DeviceListMetadata;
import io.tryx.protocol.proto.E2EProto.DisappearingMode;
import io.tryx.protocol.proto.E2EProto.GroupMention;
import io.tryx.protocol.proto.E2EProto.MessageContextInfo;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.protocol.proto.HandshakeProto.HandshakeMessage;
import io.tryx.protocol.proto.HistoryProto.Conversation;
import io.tryx.protocol.proto.HistoryProto.GroupParticipant;
import io.tryx.protocol.proto.HistoryProto.HistorySync;
import io.tryx.protocol.proto.HistoryProto.HistorySyncMsg;
import io.tryx.protocol.proto.HistoryProto.PhoneNumberToLIDMapping;
import io.tryx.protocol.proto.HistoryProto.Pushname;
import io.tryx.protocol.proto.ServerSyncProto.ExitCode;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;
import io.tryx.protocol.proto.ServerSyncProto.KeyId;
import io.tryx.protocol.proto.ServerSyncProto.SyncdIndex;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutation;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutations;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdRecord;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.proto.ServerSyncProto.SyncdValue;
import io.tryx.protocol.proto.ServerSyncProto.SyncdVersion;
import io.tryx.protocol.proto.SignalProto.PreKeySignalMessage;
import io.tryx.protocol.proto.SignalProto.SenderKeyDistributionMessage;
import io.tryx.protocol.proto.SignalProto.SenderKeyMessage;
import io.tryx.protocol.proto.SignalProto.SignalMessage;
import io.tryx.protocol.proto.SyncActionProto.SyncActionData;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;
import io.tryx.protocol.proto.WebProto.Reaction;
import io.tryx.protocol.proto.WebProto.UserReceipt;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.tryx.protocol.proto.E2EProto.Message.AudioMessage;
import static io.tryx.protocol.proto.E2EProto.Message.PeerDataOperationRequestMessage;
import static io.tryx.protocol.proto.E2EProto.Message.PeerDataOperationRequestResponseMessage;
import static io.tryx.protocol.proto.E2EProto.Message.ContactMessage;
import static io.tryx.protocol.proto.E2EProto.Message.ContactsArrayMessage;
import static io.tryx.protocol.proto.E2EProto.Message.DocumentMessage;
import static io.tryx.protocol.proto.E2EProto.Message.ExtendedTextMessage;
import static io.tryx.protocol.proto.E2EProto.Message.FutureProofMessage;
import static io.tryx.protocol.proto.E2EProto.Message.ImageMessage;
import static io.tryx.protocol.proto.E2EProto.Message.LocationMessage;
import static io.tryx.protocol.proto.E2EProto.Message.PollCreationMessage;
import static io.tryx.protocol.proto.E2EProto.Message.ProtocolMessage;
import static io.tryx.protocol.proto.E2EProto.Message.StickerMessage;
import static io.tryx.protocol.proto.E2EProto.Message.VideoMessage;

/**
 * Realistic, hand-built values of each message family, with the nestings the generic filler leaves out
 * (quoted messages, wrappers around messages, messages inside history sync).
 */
public final class ProtoSamples {

    private static final String ME = "15550001111@s.whatsapp.net";
    private static final String PEER = "15550002222@s.whatsapp.net";
    private static final String GROUP = "120363000000000001@g.us";

    private ProtoSamples() {
    }

    /** Every sample by a descriptive name. */
    public static Map<String, Message> all() {
        Map<String, Message> samples = new LinkedHashMap<>();
        samples.put("text conversation", E2EProto.Message.newBuilder().setConversation("héllo 👋").build());
        samples.put("reply with quoted message, mentions and forwarding", reply());
        samples.put("image with every media field", msg().setImageMessage(image()).build());
        samples.put("video note (ptv) and gif", msg().setPtvMessage(video().setGifPlayback(false))
                .setVideoMessage(video().setGifPlayback(true).setGifAttribution(VideoMessage.Attribution.GIPHY)).build());
        samples.put("voice note with waveform", msg().setAudioMessage(AudioMessage.newBuilder()
                .setUrl("https://mmg.whatsapp.net/v/t62.7117-24/a.enc").setMimetype("audio/ogg; codecs=opus")
                .setFileSha256(bytes(32, 1)).setFileLength(17_000).setSeconds(9).setPtt(true).setMediaKey(bytes(32, 2))
                .setFileEncSha256(bytes(32, 3)).setDirectPath("/v/t62.7117-24/a.enc").setMediaKeyTimestamp(1_700_000_000L)
                .setStreamingSidecar(bytes(10, 4)).setWaveform(bytes(64, 5)).setContextInfo(expiring())).build());
        samples.put("document with caption wrapper", msg().setDocumentWithCaptionMessage(FutureProofMessage.newBuilder()
                .setMessage(msg().setDocumentMessage(document()).setMessageContextInfo(messageContext()))).build());
        samples.put("sticker", msg().setStickerMessage(StickerMessage.newBuilder().setUrl("https://mmg.whatsapp.net/s.enc")
                .setFileSha256(bytes(32, 6)).setFileEncSha256(bytes(32, 7)).setMediaKey(bytes(32, 8))
                .setMimetype("image/webp").setHeight(512).setWidth(512).setDirectPath("/s.enc").setFileLength(20_000)
                .setMediaKeyTimestamp(1_700_000_001L).setIsAnimated(true).setPngThumbnail(bytes(20, 9))
                .setIsAvatar(false).setStickerSentTs(1_700_000_001_000L)).build());
        samples.put("location and live location", msg().setLocationMessage(location())
                .setLiveLocationMessage(E2EProto.Message.LiveLocationMessage.newBuilder().setDegreesLatitude(-33.8688)
                        .setDegreesLongitude(151.2093).setAccuracyInMeters(5).setSpeedInMps(1.25f)
                        .setDegreesClockwiseFromMagneticNorth(270).setCaption("on my way").setSequenceNumber(7)
                        .setTimeOffset(30)).build());
        samples.put("contact and contacts array", msg().setContactMessage(contact("Ana"))
                .setContactsArrayMessage(ContactsArrayMessage.newBuilder().setDisplayName("2 contacts")
                        .addContacts(contact("Ana")).addContacts(contact("Bruno"))).build());
        samples.put("reaction and encrypted reaction", msg()
                .setReactionMessage(E2EProto.Message.ReactionMessage.newBuilder().setKey(key(PEER, false, "3EB0AA"))
                        .setText("❤️").setSenderTimestampMs(1_700_000_000_123L))
                .setEncReactionMessage(E2EProto.Message.EncReactionMessage.newBuilder()
                        .setTargetMessageKey(key(GROUP, true, "3EB0BB")).setEncPayload(bytes(40, 10)).setEncIv(bytes(12, 11)))
                .build());
        samples.put("protocol: revoke", protocol(ProtocolMessage.newBuilder().setType(ProtocolMessage.Type.REVOKE)
                .setKey(key(PEER, true, "3EB0CC"))));
        samples.put("protocol: ephemeral setting", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.EPHEMERAL_SETTING).setEphemeralExpiration(604_800)
                .setEphemeralSettingTimestamp(1_700_000_000L).setDisappearingMode(DisappearingMode.newBuilder()
                        .setInitiator(DisappearingMode.Initiator.INITIATED_BY_ME).setTrigger(DisappearingMode.Trigger.CHAT_SETTING))));
        samples.put("protocol: history sync notification", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION)
                .setHistorySyncNotification(E2EProto.Message.HistorySyncNotification.newBuilder().setFileSha256(bytes(32, 12))
                        .setFileLength(123_456).setMediaKey(bytes(32, 13)).setFileEncSha256(bytes(32, 14))
                        .setDirectPath("/v/t62.hist").setSyncType(E2EProto.Message.HistorySyncType.INITIAL_BOOTSTRAP)
                        .setChunkOrder(1).setOriginalMessageId("3EB0DD").setProgress(42)
                        .setOldestMsgInChunkTimestampSec(1_690_000_000L))));
        samples.put("protocol: app state sync key share", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE)
                .setAppStateSyncKeyShare(E2EProto.Message.AppStateSyncKeyShare.newBuilder()
                        .addKeys(E2EProto.Message.AppStateSyncKey.newBuilder()
                                .setKeyId(E2EProto.Message.AppStateSyncKeyId.newBuilder().setKeyId(bytes(6, 15)))
                                .setKeyData(E2EProto.Message.AppStateSyncKeyData.newBuilder().setKeyData(bytes(32, 16))
                                        .setTimestamp(1_700_000_000_000L)
                                        .setFingerprint(E2EProto.Message.AppStateSyncKeyFingerprint.newBuilder()
                                                .setRawId(77).setCurrentIndex(3).addDeviceIndexes(0).addDeviceIndexes(3)))))));
        samples.put("protocol: app state sync key request", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.APP_STATE_SYNC_KEY_REQUEST)
                .setAppStateSyncKeyRequest(E2EProto.Message.AppStateSyncKeyRequest.newBuilder()
                        .addKeyIds(E2EProto.Message.AppStateSyncKeyId.newBuilder().setKeyId(bytes(6, 17)))
                        .addKeyIds(E2EProto.Message.AppStateSyncKeyId.newBuilder().setKeyId(bytes(6, 18))))));
        samples.put("protocol: message edit", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.MESSAGE_EDIT).setKey(key(PEER, true, "3EB0EE"))
                .setEditedMessage(msg().setConversation("edited text")).setTimestampMs(1_700_000_100_000L)));
        samples.put("protocol: placeholder resend request", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.PEER_DATA_OPERATION_REQUEST_MESSAGE)
                .setPeerDataOperationRequestMessage(PeerDataOperationRequestMessage.newBuilder()
                        .setPeerDataOperationRequestType(E2EProto.Message.PeerDataOperationRequestType.PLACEHOLDER_MESSAGE_RESEND)
                        .addPlaceholderMessageResendRequest(PeerDataOperationRequestMessage.PlaceholderMessageResendRequest.newBuilder()
                                .setMessageKey(key(PEER, false, "3EB0P1"))))));
        samples.put("protocol: history sync on demand request", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.PEER_DATA_OPERATION_REQUEST_MESSAGE)
                .setPeerDataOperationRequestMessage(PeerDataOperationRequestMessage.newBuilder()
                        .setPeerDataOperationRequestType(E2EProto.Message.PeerDataOperationRequestType.HISTORY_SYNC_ON_DEMAND)
                        .setHistorySyncOnDemandRequest(PeerDataOperationRequestMessage.HistorySyncOnDemandRequest.newBuilder().setChatJid(PEER)
                                .setOldestMsgId("3EB0OLD").setOldestMsgFromMe(false).setOnDemandMsgCount(50)
                                .setOldestMsgTimestampMs(1_690_000_000_000L)))));
        samples.put("protocol: placeholder resend response", protocol(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE)
                .setPeerDataOperationRequestResponseMessage(PeerDataOperationRequestResponseMessage.newBuilder()
                        .setPeerDataOperationRequestType(E2EProto.Message.PeerDataOperationRequestType.PLACEHOLDER_MESSAGE_RESEND)
                        .setStanzaId("3EB0REQ")
                        .addPeerDataOperationResult(PeerDataOperationRequestResponseMessage.PeerDataOperationResult.newBuilder()
                                .setPlaceholderMessageResendResponse(PeerDataOperationRequestResponseMessage.PeerDataOperationResult
                                        .PlaceholderMessageResendResponse.newBuilder().setWebMessageInfoBytes(
                                                WebMessageInfo.newBuilder().setKey(key(PEER, false, "3EB0P1"))
                                                        .setMessage(msg().setConversation("recovered")).build()
                                                        .toByteString()))))));
        samples.put("media retry notification", MediaRetryProto.MediaRetryNotification.newBuilder().setStanzaId("3EB0M1")
                .setDirectPath("/v/t62.7118-24/new.enc").setResult(MediaRetryProto.MediaRetryNotification.ResultType.SUCCESS)
                .build());
        samples.put("edited message wrapper", msg().setEditedMessage(FutureProofMessage.newBuilder().setMessage(
                protocol(ProtocolMessage.newBuilder().setType(ProtocolMessage.Type.MESSAGE_EDIT)
                        .setKey(key(PEER, true, "3EB0EF")).setEditedMessage(msg().setConversation("v2"))))).build());
        samples.put("polls V1, V2, V3 and a vote", msg()
                .setPollCreationMessage(poll("Lunch?", 1)).setPollCreationMessageV2(poll("Dinner?", 2))
                .setPollCreationMessageV3(poll("Breakfast?", 1))
                .setMessageContextInfo(MessageContextInfo.newBuilder().setMessageSecret(bytes(32, 19)))
                .setPollUpdateMessage(E2EProto.Message.PollUpdateMessage.newBuilder()
                        .setPollCreationMessageKey(key(GROUP, false, "3EB0FF"))
                        .setVote(E2EProto.Message.PollEncValue.newBuilder().setEncPayload(bytes(48, 20)).setEncIv(bytes(12, 21)))
                        .setMetadata(E2EProto.Message.PollUpdateMessageMetadata.getDefaultInstance())
                        .setSenderTimestampMs(1_700_000_000_456L)).build());
        samples.put("ephemeral wrapper around a reply", msg().setEphemeralMessage(FutureProofMessage.newBuilder()
                .setMessage(reply())).build());
        samples.put("view once V1, V2 and V2 extension", msg()
                .setViewOnceMessage(FutureProofMessage.newBuilder().setMessage(msg().setImageMessage(image().setViewOnce(true))))
                .setViewOnceMessageV2(FutureProofMessage.newBuilder().setMessage(msg().setVideoMessage(video().setViewOnce(true))))
                .setViewOnceMessageV2Extension(FutureProofMessage.newBuilder()
                        .setMessage(msg().setAudioMessage(AudioMessage.newBuilder().setPtt(true).setViewOnce(true))))
                .build());
        samples.put("sender key distribution with device list metadata", msg()
                .setSenderKeyDistributionMessage(E2EProto.Message.SenderKeyDistributionMessage.newBuilder()
                        .setGroupId(GROUP).setAxolotlSenderKeyDistributionMessage(bytes(70, 22)))
                .setConversation("first group message").setMessageContextInfo(messageContext()).build());
        samples.put("device sent message", msg().setDeviceSentMessage(E2EProto.Message.DeviceSentMessage.newBuilder()
                .setDestinationJid(PEER).setPhash("2:abcdef").setMessage(reply())).build());
        samples.put("keep in chat and pin in chat", msg()
                .setKeepInChatMessage(E2EProto.Message.KeepInChatMessage.newBuilder().setKey(key(PEER, false, "3EB011"))
                        .setKeepType(E2EProto.KeepType.KEEP_FOR_ALL).setTimestampMs(1_700_000_000_789L))
                .setPinInChatMessage(E2EProto.Message.PinInChatMessage.newBuilder().setKey(key(GROUP, false, "3EB012"))
                        .setType(E2EProto.Message.PinInChatMessage.Type.PIN_FOR_ALL).setSenderTimestampMs(1_700_000_000_999L))
                .build());

        samples.put("handshake: client hello", HandshakeMessage.newBuilder().setClientHello(
                HandshakeMessage.ClientHello.newBuilder().setEphemeral(bytes(32, 30))).build());
        samples.put("handshake: server hello", HandshakeMessage.newBuilder().setServerHello(
                HandshakeMessage.ServerHello.newBuilder().setEphemeral(bytes(32, 31)).setStatic(bytes(48, 32))
                        .setPayload(bytes(300, 33))).build());
        samples.put("handshake: client finish", HandshakeMessage.newBuilder().setClientFinish(
                HandshakeMessage.ClientFinish.newBuilder().setStatic(bytes(48, 34)).setPayload(bytes(200, 35))).build());
        samples.put("client payload: login", payload().setUsername(15550001111L).setDevice(7).setPassive(true)
                .setLidDbMigrated(false).build());
        samples.put("client payload: registration", payload().setPassive(false)
                .setDevicePairingData(ClientPayload.DevicePairingRegistrationData.newBuilder()
                        .setERegid(bytes(4, 36)).setEKeytype(ByteString.copyFrom(new byte[] {5}))
                        .setEIdent(bytes(32, 37)).setESkeyId(bytes(3, 38)).setESkeyVal(bytes(32, 39))
                        .setESkeySig(bytes(64, 40)).setBuildHash(bytes(16, 41))
                        .setDeviceProps(deviceProps().toByteString())).build());
        samples.put("cert chain", CertChain.newBuilder()
                .setLeaf(CertChain.NoiseCertificate.newBuilder().setSignature(bytes(64, 42)).setDetails(
                        CertChain.NoiseCertificate.Details.newBuilder().setSerial(2).setIssuerSerial(1)
                                .setKey(bytes(32, 43)).setNotBefore(1_700_000_000L).setNotAfter(1_800_000_000L)
                                .build().toByteString()))
                .setIntermediate(CertChain.NoiseCertificate.newBuilder().setSignature(bytes(64, 44))
                        .setDetails(bytes(60, 45))).build());
        samples.put("cert chain details", CertChain.NoiseCertificate.Details.newBuilder().setSerial(1).setIssuerSerial(0)
                .setKey(bytes(32, 46)).setNotBefore(1_600_000_000L).setNotAfter(4_000_000_000L).build());
        samples.put("ADV signed device identity HMAC", ADVSignedDeviceIdentityHMAC.newBuilder().setDetails(bytes(150, 47))
                .setHmac(bytes(32, 48)).setAccountType(ADVEncryptionType.E2EE).build());
        samples.put("ADV signed device identity", ADVSignedDeviceIdentity.newBuilder().setDetails(bytes(20, 49))
                .setAccountSignatureKey(bytes(32, 50)).setAccountSignature(bytes(64, 51))
                .setDeviceSignature(bytes(64, 52)).build());
        samples.put("ADV device identity", ADVDeviceIdentity.newBuilder().setRawId(123_456_789).setTimestamp(1_700_000_000L)
                .setKeyIndex(4).setAccountType(ADVEncryptionType.HOSTED).setDeviceType(ADVEncryptionType.E2EE).build());
        samples.put("ADV key index lists", ADVSignedKeyIndexList.newBuilder().setAccountSignature(bytes(64, 53))
                .setAccountSignatureKey(bytes(32, 54)).setDetails(ADVKeyIndexList.newBuilder().setRawId(123_456_789)
                        .setTimestamp(1_700_000_000L).setCurrentIndex(4).addValidIndexes(0).addValidIndexes(4)
                        .build().toByteString()).build());
        samples.put("ADV key index list", ADVKeyIndexList.newBuilder().setRawId(1).setCurrentIndex(9)
                .addValidIndexes(1).addValidIndexes(9).setAccountType(ADVEncryptionType.E2EE).build());
        samples.put("device props", deviceProps());

        samples.put("sync action data: mute", SyncActionData.newBuilder()
                .setIndex(ByteString.copyFromUtf8("[\"mute\",\"" + PEER + "\"]")).setPadding(bytes(4, 55)).setVersion(2)
                .setValue(SyncActionValue.newBuilder().setTimestamp(1_700_000_000_000L).setMuteAction(
                        SyncActionValue.MuteAction.newBuilder().setMuted(true).setMuteEndTimestamp(-1))).build());
        samples.put("sync action: archive with message range", SyncActionValue.newBuilder().setTimestamp(1_700_000_000_001L)
                .setArchiveChatAction(SyncActionValue.ArchiveChatAction.newBuilder().setArchived(true)
                        .setMessageRange(range())).build());
        samples.put("sync action: contact and push name", SyncActionValue.newBuilder().setTimestamp(1_700_000_000_002L)
                .setContactAction(SyncActionValue.ContactAction.newBuilder().setFullName("Ana Souza").setFirstName("Ana")
                        .setLidJid("123456789012345@lid").setSaveOnPrimaryAddressbook(true))
                .setPushNameSetting(SyncActionValue.PushNameSetting.newBuilder().setName("Tryx")).build());
        samples.put("sync action: mark read, delete chat, clear chat", SyncActionValue.newBuilder()
                .setMarkChatAsReadAction(SyncActionValue.MarkChatAsReadAction.newBuilder().setRead(false).setMessageRange(range()))
                .setDeleteChatAction(SyncActionValue.DeleteChatAction.newBuilder().setMessageRange(range()))
                .setClearChatAction(SyncActionValue.ClearChatAction.newBuilder().setMessageRange(range())).build());
        samples.put("sync action: star, delete for me, labels", SyncActionValue.newBuilder()
                .setStarAction(SyncActionValue.StarAction.newBuilder().setStarred(true))
                .setDeleteMessageForMeAction(SyncActionValue.DeleteMessageForMeAction.newBuilder().setDeleteMedia(true)
                        .setMessageTimestamp(1_700_000_000L))
                .setLabelEditAction(SyncActionValue.LabelEditAction.newBuilder().setName("VIP").setColor(3)
                        .setPredefinedId(0).setDeleted(false).setType(SyncActionValue.LabelEditAction.ListType.CUSTOM))
                .setLabelAssociationAction(SyncActionValue.LabelAssociationAction.newBuilder().setLabeled(true)).build());

        SyncdRecord record = SyncdRecord.newBuilder().setIndex(SyncdIndex.newBuilder().setBlob(bytes(32, 56)))
                .setValue(SyncdValue.newBuilder().setBlob(bytes(80, 57))).setKeyId(KeyId.newBuilder().setId(bytes(6, 58)))
                .build();
        samples.put("syncd patch", SyncdPatch.newBuilder().setVersion(SyncdVersion.newBuilder().setVersion(42))
                .addMutations(SyncdMutation.newBuilder().setOperation(SyncdMutation.SyncdOperation.SET).setRecord(record))
                .addMutations(SyncdMutation.newBuilder().setOperation(SyncdMutation.SyncdOperation.REMOVE).setRecord(record))
                .setSnapshotMac(bytes(32, 59)).setPatchMac(bytes(32, 60)).setKeyId(KeyId.newBuilder().setId(bytes(6, 58)))
                .setDeviceIndex(2).build());
        samples.put("syncd patch with external mutations and exit code", SyncdPatch.newBuilder()
                .setVersion(SyncdVersion.newBuilder().setVersion(43))
                .setExternalMutations(ExternalBlobReference.newBuilder().setMediaKey(bytes(32, 61)).setDirectPath("/v/t62.x")
                        .setHandle("h").setFileSizeBytes(1 << 20).setFileSha256(bytes(32, 62)).setFileEncSha256(bytes(32, 63)))
                .setExitCode(ExitCode.newBuilder().setCode(1).setText("snapshot required")).build());
        samples.put("syncd snapshot", SyncdSnapshot.newBuilder().setVersion(SyncdVersion.newBuilder().setVersion(41))
                .addRecords(record).addRecords(record).setMac(bytes(32, 64)).setKeyId(KeyId.newBuilder().setId(bytes(6, 58)))
                .build());
        samples.put("syncd mutations", SyncdMutations.newBuilder().addMutations(
                SyncdMutation.newBuilder().setOperation(SyncdMutation.SyncdOperation.SET).setRecord(record)).build());

        samples.put("history sync with conversations", historySync());
        samples.put("web message info with stub", WebMessageInfo.newBuilder().setKey(key(GROUP, false, "3EB0AB"))
                .setParticipant(PEER).setMessageTimestamp(1_700_000_000L)
                .setMessageStubType(WebMessageInfo.StubType.GROUP_PARTICIPANT_ADD).addMessageStubParameters(PEER)
                .setStatus(WebMessageInfo.Status.SERVER_ACK).build());

        samples.put("signal message", SignalMessage.newBuilder().setRatchetKey(bytes(33, 70)).setCounter(5)
                .setPreviousCounter(2).setCiphertext(bytes(48, 71)).build());
        samples.put("pre-key signal message", PreKeySignalMessage.newBuilder().setRegistrationId(12_345).setPreKeyId(77)
                .setSignedPreKeyId(1).setBaseKey(bytes(33, 72)).setIdentityKey(bytes(33, 73))
                .setMessage(bytes(90, 74)).build());
        samples.put("sender key message", SenderKeyMessage.newBuilder().setId(0x7fff_ffff).setIteration(9)
                .setCiphertext(bytes(32, 75)).build());
        samples.put("sender key distribution message", SenderKeyDistributionMessage.newBuilder().setId(12).setIteration(0)
                .setChainKey(bytes(32, 76)).setSigningKey(bytes(33, 77)).build());
        return samples;
    }

    private static E2EProto.Message.Builder msg() {
        return E2EProto.Message.newBuilder();
    }

    private static E2EProto.Message reply() {
        E2EProto.Message quoted = msg().setImageMessage(image().setCaption("the quoted photo")).build();
        return msg().setExtendedTextMessage(ExtendedTextMessage.newBuilder().setText("look @15550002222 😀")
                .setMatchedText("https://example.com").setTitle("Example").setDescription("An example")
                .setPreviewType(ExtendedTextMessage.PreviewType.NONE).setTextArgb(0xffffffff).setBackgroundArgb(0xff000000)
                .setFont(ExtendedTextMessage.FontType.SYSTEM_BOLD).setJpegThumbnail(bytes(30, 80))
                .setContextInfo(ContextInfo.newBuilder().setStanzaId("3EB0QUOTED").setParticipant(PEER)
                        .setRemoteJid(GROUP).setQuotedMessage(quoted).addMentionedJid(PEER).addMentionedJid(ME)
                        .setIsForwarded(true).setForwardingScore(4).setExpiration(86_400)
                        .setEphemeralSettingTimestamp(1_690_000_000L)
                        .setDisappearingMode(DisappearingMode.newBuilder()
                                .setInitiator(DisappearingMode.Initiator.INITIATED_BY_OTHER))
                        .addGroupMentions(GroupMention.newBuilder().setGroupJid(GROUP).setGroupSubject("Team"))
                        .setPlaceholderKey(key(GROUP, false, "3EB0PH"))
                        .setForwardedNewsletterMessageInfo(ContextInfo.ForwardedNewsletterMessageInfo.newBuilder()
                                .setNewsletterJid("120363000000000002@newsletter").setServerMessageId(100)
                                .setNewsletterName("News").setContentType(
                                        ContextInfo.ForwardedNewsletterMessageInfo.ContentType.UPDATE))))
                .build();
    }

    private static ContextInfo expiring() {
        return ContextInfo.newBuilder().setExpiration(604_800).build();
    }

    private static ImageMessage.Builder image() {
        return ImageMessage.newBuilder().setUrl("https://mmg.whatsapp.net/v/t62.7118-24/i.enc?ccb=11-4")
                .setMimetype("image/jpeg").setCaption("a photo").setFileSha256(bytes(32, 81)).setFileLength(98_765)
                .setHeight(1080).setWidth(1920).setMediaKey(bytes(32, 82)).setFileEncSha256(bytes(32, 83))
                .setDirectPath("/v/t62.7118-24/i.enc?ccb=11-4").setMediaKeyTimestamp(1_700_000_000L)
                .setJpegThumbnail(bytes(100, 84)).setFirstScanSidecar(bytes(10, 85)).setFirstScanLength(1234)
                .setScansSidecar(bytes(20, 86)).addScanLengths(1234).addScanLengths(5678)
                .setMidQualityFileSha256(bytes(32, 87)).setThumbnailDirectPath("/thumb").setThumbnailSha256(bytes(32, 88))
                .setThumbnailEncSha256(bytes(32, 89)).setContextInfo(expiring());
    }

    private static VideoMessage.Builder video() {
        return VideoMessage.newBuilder().setUrl("https://mmg.whatsapp.net/v/t62.7161-24/v.enc").setMimetype("video/mp4")
                .setFileSha256(bytes(32, 90)).setFileLength(3_000_000_000L).setSeconds(61).setMediaKey(bytes(32, 91))
                .setCaption("a video").setHeight(720).setWidth(1280).setFileEncSha256(bytes(32, 92))
                .setDirectPath("/v/t62.7161-24/v.enc").setMediaKeyTimestamp(1_700_000_000L)
                .setJpegThumbnail(bytes(50, 93)).setStreamingSidecar(bytes(40, 94));
    }

    private static DocumentMessage document() {
        return DocumentMessage.newBuilder().setUrl("https://mmg.whatsapp.net/v/t62.7119-24/d.enc")
                .setMimetype("application/pdf").setTitle("report.pdf").setFileSha256(bytes(32, 95)).setFileLength(55_555)
                .setPageCount(3).setMediaKey(bytes(32, 96)).setFileName("report.pdf").setFileEncSha256(bytes(32, 97))
                .setDirectPath("/v/t62.7119-24/d.enc").setMediaKeyTimestamp(1_700_000_000L).setCaption("the report")
                .setJpegThumbnail(bytes(40, 98)).setThumbnailHeight(100).setThumbnailWidth(70).build();
    }

    private static LocationMessage location() {
        return LocationMessage.newBuilder().setDegreesLatitude(48.8584).setDegreesLongitude(2.2945)
                .setName("Tour Eiffel").setAddress("Champ de Mars, Paris").setUrl("https://maps.example/eiffel")
                .setAccuracyInMeters(10).setComment("meet here").setJpegThumbnail(bytes(20, 99)).build();
    }

    private static ContactMessage contact(String name) {
        return ContactMessage.newBuilder().setDisplayName(name)
                .setVcard("BEGIN:VCARD\nVERSION:3.0\nFN:" + name + "\nTEL;type=CELL;waid=15550002222:+1 555 000 2222\nEND:VCARD")
                .build();
    }

    private static E2EProto.Message protocol(ProtocolMessage.Builder protocol) {
        return msg().setProtocolMessage(protocol).build();
    }

    private static PollCreationMessage poll(String name, int selectable) {
        return PollCreationMessage.newBuilder().setName(name).setSelectableOptionsCount(selectable)
                .addOptions(PollCreationMessage.Option.newBuilder().setOptionName("Yes"))
                .addOptions(PollCreationMessage.Option.newBuilder().setOptionName("No"))
                .setContextInfo(expiring()).build();
    }

    private static MessageContextInfo messageContext() {
        return MessageContextInfo.newBuilder().setDeviceListMetadataVersion(2).setMessageSecret(bytes(32, 100))
                .setDeviceListMetadata(DeviceListMetadata.newBuilder().setSenderKeyHash(bytes(10, 101))
                        .setSenderTimestamp(1_700_000_000L).addSenderKeyIndexes(0).addSenderKeyIndexes(2)
                        .setRecipientKeyHash(bytes(10, 102)).setRecipientTimestamp(1_690_000_000L)
                        .addRecipientKeyIndexes(1)).build();
    }

    private static MessageKey key(String chat, boolean fromMe, String id) {
        MessageKey.Builder key = MessageKey.newBuilder().setRemoteJid(chat).setFromMe(fromMe).setId(id);
        if (chat.endsWith("@g.us") && !fromMe) {
            key.setParticipant(PEER);
        }
        return key.build();
    }

    private static ClientPayload.Builder payload() {
        return ClientPayload.newBuilder()
                .setUserAgent(ClientPayload.UserAgent.newBuilder().setPlatform(ClientPayload.UserAgent.Platform.WEB)
                        .setAppVersion(ClientPayload.UserAgent.AppVersion.newBuilder().setPrimary(2).setSecondary(3000)
                                .setTertiary(1_029_496_320))
                        .setMcc("000").setMnc("000").setOsVersion("0.1").setManufacturer("").setDevice("Desktop")
                        .setOsBuildNumber("0.1").setReleaseChannel(ClientPayload.UserAgent.ReleaseChannel.RELEASE)
                        .setLocaleLanguageIso6391("en").setLocaleCountryIso31661Alpha2("US"))
                .setWebInfo(ClientPayload.WebInfo.newBuilder()
                        .setWebSubPlatform(ClientPayload.WebInfo.WebSubPlatform.WEB_BROWSER))
                .setConnectType(ClientPayload.ConnectType.WIFI_UNKNOWN)
                .setConnectReason(ClientPayload.ConnectReason.USER_ACTIVATED)
                .setDnsSource(ClientPayload.DNSSource.newBuilder()
                        .setDnsMethod(ClientPayload.DNSSource.DNSResolutionMethod.SYSTEM).setAppCached(false))
                .setPull(true).addShards(1).addShards(-2).setSessionId(-123_456).setConnectAttemptCount(0);
    }

    private static DeviceProps deviceProps() {
        return DeviceProps.newBuilder().setOs("Tryx Bridge")
                .setVersion(DeviceProps.AppVersion.newBuilder().setPrimary(10).setSecondary(15).setTertiary(7))
                .setPlatformType(DeviceProps.PlatformType.DESKTOP).setRequireFullSync(false)
                .setHistorySyncConfig(DeviceProps.HistorySyncConfig.newBuilder().setStorageQuotaMb(10_240)
                        .setInlineInitialPayloadInE2EeMsg(true).setSupportCallLogHistory(false)
                        .setSupportBotUserAgentChatHistory(true).setSupportCagReactionsAndPolls(true)
                        .setSupportBizHostedMsg(true).setSupportRecentSyncChunkMessageCountTuning(true)
                        .setSupportHostedGroupMsg(true).setSupportFbidBotChatHistory(true)
                        .setSupportMessageAssociation(true).setSupportGroupHistory(false))
                .build();
    }

    private static SyncActionValue.SyncActionMessageRange range() {
        return SyncActionValue.SyncActionMessageRange.newBuilder().setLastMessageTimestamp(1_700_000_000L)
                .setLastSystemMessageTimestamp(1_699_999_999L)
                .addMessages(SyncActionValue.SyncActionMessage.newBuilder().setKey(key(PEER, false, "3EB0R1"))
                        .setTimestamp(1_700_000_000L)).build();
    }

    private static HistorySync historySync() {
        WebMessageInfo first = WebMessageInfo.newBuilder().setKey(key(PEER, false, "3EB0H1"))
                .setMessage(reply()).setMessageTimestamp(1_700_000_000L).setStatus(WebMessageInfo.Status.READ)
                .setPushName("Ana").setStarred(true).setMessageSecret(bytes(32, 103))
                .addUserReceipt(UserReceipt.newBuilder().setUserJid(PEER).setReceiptTimestamp(1_700_000_001L)
                        .setReadTimestamp(1_700_000_002L))
                .addReactions(Reaction.newBuilder().setKey(key(PEER, true, "3EB0H9")).setText("👍")
                        .setSenderTimestampMs(1_700_000_003_000L))
                .build();
        WebMessageInfo second = WebMessageInfo.newBuilder().setKey(key(GROUP, true, "3EB0H2"))
                .setMessage(msg().setEphemeralMessage(FutureProofMessage.newBuilder()
                        .setMessage(msg().setConversation("disappearing"))))
                .setMessageTimestamp(1_700_000_010L).setStatus(WebMessageInfo.Status.DELIVERY_ACK)
                .setEphemeralDuration(86_400).setEphemeralStartTimestamp(1_700_000_010L).build();
        return HistorySync.newBuilder().setSyncType(HistorySync.HistorySyncType.INITIAL_BOOTSTRAP).setChunkOrder(1)
                .setProgress(100)
                .addConversations(Conversation.newBuilder().setId(PEER).setName("Ana").setUnreadCount(2)
                        .setConversationTimestamp(1_700_000_000L).setEphemeralExpiration(0).setPinned(1)
                        .setMuteEndTime(0).setArchived(false).setTcToken(bytes(20, 104))
                        .addMessages(HistorySyncMsg.newBuilder().setMessage(first).setMsgOrderId(1)))
                .addConversations(Conversation.newBuilder().setId(GROUP).setName("Team").setEphemeralExpiration(86_400)
                        .addParticipant(GroupParticipant.newBuilder().setUserJid(PEER).setRank(GroupParticipant.Rank.ADMIN))
                        .addParticipant(GroupParticipant.newBuilder().setUserJid(ME))
                        .addMessages(HistorySyncMsg.newBuilder().setMessage(second).setMsgOrderId(2)))
                .addPushnames(Pushname.newBuilder().setId(PEER).setPushname("Ana"))
                .addPhoneNumberToLidMappings(PhoneNumberToLIDMapping.newBuilder().setPnJid(PEER)
                        .setLidJid("123456789012345@lid"))
                .addStatusV3Messages(WebMessageInfo.newBuilder().setKey(key("status@broadcast", false, "3EB0S1"))
                        .setParticipant(PEER).setMessage(msg().setConversation("status text")))
                .build();
    }

    /** {@code length} bytes derived from {@code seed}, covering the full byte range. */
    static ByteString bytes(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 31 + i * 7);
        }
        return ByteString.copyFrom(out);
    }
}
