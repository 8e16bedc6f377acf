package io.tryx.bridge.events;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.tryx.common.v1.ContactCard;
import io.tryx.common.v1.ContactsContent;
import io.tryx.common.v1.LinkPreview;
import io.tryx.common.v1.LocationContent;
import io.tryx.common.v1.TextContent;
import io.tryx.events.v1.DisappearingTimerContent;
import io.tryx.events.v1.EditContent;
import io.tryx.events.v1.GroupInviteContent;
import io.tryx.events.v1.ReactionContent;
import io.tryx.events.v1.RevokeContent;
import io.tryx.events.v1.UnsupportedContent;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.proto.E2EProto.Message;
import io.tryx.protocol.proto.E2EProto.Message.ProtocolMessage;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The content union of a {@code MessageEvent}: one contract record per kind the E2E {@code Message} can carry
 * (see {@link #content}); anything else is an {@link UnsupportedContent} naming the protobuf field that was set.
 */
final class ContentMapper {

    /** Fields that accompany content but are none themselves. */
    private static final Set<String> NOT_CONTENT = Set.of("messageContextInfo", "senderKeyDistributionMessage",
            "fastRatchetKeySenderKeyDistributionMessage");

    private ContentMapper() {
    }

    /** The content of the unwrapped {@code m}. */
    static Object content(Message m, MessageInfo info, EventOrigin origin) {
        Message.PollCreationMessage poll = PollMapper.creation(m);
        if (m.hasConversation()) {
            return TextContent.newBuilder().setText(m.getConversation()).build();
        } else if (m.hasExtendedTextMessage()) {
            return text(m.getExtendedTextMessage());
        } else if (m.hasImageMessage()) {
            return MediaMapper.image(m.getImageMessage());
        } else if (m.hasVideoMessage()) {
            return MediaMapper.video(m.getVideoMessage());
        } else if (m.hasPtvMessage()) {
            return MediaMapper.video(m.getPtvMessage());
        } else if (m.hasAudioMessage()) {
            return MediaMapper.audio(m.getAudioMessage());
        } else if (m.hasDocumentMessage()) {
            return MediaMapper.document(m.getDocumentMessage());
        } else if (m.hasStickerMessage()) {
            return MediaMapper.sticker(m.getStickerMessage());
        } else if (m.hasLocationMessage()) {
            return location(m.getLocationMessage());
        } else if (m.hasLiveLocationMessage()) {
            return liveLocation(m.getLiveLocationMessage());
        } else if (m.hasContactMessage()) {
            return ContactsContent.newBuilder().setContacts(List.of(card(m.getContactMessage()))).build();
        } else if (m.hasContactsArrayMessage()) {
            return ContactsContent.newBuilder()
                    .setContacts(m.getContactsArrayMessage().getContactsList().stream().map(ContentMapper::card).toList())
                    .build();
        } else if (m.hasReactionMessage()) {
            return reaction(m.getReactionMessage(), info, origin);
        } else if (m.hasProtocolMessage()) {
            return protocol(m.getProtocolMessage(), info, origin);
        } else if (poll != null) {
            return PollMapper.create(poll);
        } else if (m.hasGroupInviteMessage()) {
            return invite(m.getGroupInviteMessage());
        }
        return unsupported(m);
    }

    private static TextContent text(Message.ExtendedTextMessage text) {
        LinkPreview preview = text.getMatchedText().isEmpty() ? null : LinkPreview.newBuilder()
                .setMatchedText(text.getMatchedText())
                .setTitle(MediaMapper.text(text.hasTitle(), text.getTitle()))
                .setDescription(MediaMapper.text(text.hasDescription(), text.getDescription()))
                .setThumbnailJpeg(MediaMapper.bytes(text.hasJpegThumbnail(), text.getJpegThumbnail()))
                .build();
        return TextContent.newBuilder().setText(text.getText()).setLinkPreview(preview).build();
    }

    private static LocationContent location(Message.LocationMessage location) {
        return LocationContent.newBuilder()
                .setLatitude(location.getDegreesLatitude())
                .setLongitude(location.getDegreesLongitude())
                .setName(MediaMapper.text(location.hasName(), location.getName()))
                .setAddress(MediaMapper.text(location.hasAddress(), location.getAddress()))
                .setUrl(MediaMapper.text(location.hasUrl(), location.getUrl()))
                .setLive(location.getIsLive())
                .setAccuracyMeters(location.hasAccuracyInMeters() ? location.getAccuracyInMeters() : null)
                .setComment(MediaMapper.text(location.hasComment(), location.getComment()))
                .build();
    }

    private static LocationContent liveLocation(Message.LiveLocationMessage live) {
        return LocationContent.newBuilder()
                .setLatitude(live.getDegreesLatitude())
                .setLongitude(live.getDegreesLongitude())
                .setLive(true)
                .setAccuracyMeters(live.hasAccuracyInMeters() ? live.getAccuracyInMeters() : null)
                .setComment(MediaMapper.text(live.hasCaption(), live.getCaption()))
                .build();
    }

    private static ContactCard card(Message.ContactMessage contact) {
        return ContactCard.newBuilder().setDisplayName(contact.getDisplayName()).setVcard(contact.getVcard()).build();
    }

    private static ReactionContent reaction(Message.ReactionMessage reaction, MessageInfo info, EventOrigin origin) {
        return ReactionContent.newBuilder()
                .setTarget(TargetKeys.resolve(reaction.getKey(), info, origin))
                .setEmoji(reaction.getText())
                .setSenderTimestamp(reaction.getSenderTimestampMs() > 0
                        ? Instant.ofEpochMilli(reaction.getSenderTimestampMs()) : null)
                .build();
    }

    private static Object protocol(ProtocolMessage protocol, MessageInfo info, EventOrigin origin) {
        return switch (protocol.getType()) {
            case REVOKE -> RevokeContent.newBuilder().setTarget(TargetKeys.resolve(protocol.getKey(), info, origin)).build();
            case MESSAGE_EDIT -> EditContent.newBuilder()
                    .setTarget(TargetKeys.resolve(protocol.getKey(), info, origin))
                    .setText(editedText(protocol.getEditedMessage()))
                    .build();
            case EPHEMERAL_SETTING -> DisappearingTimerContent.newBuilder()
                    .setExpirationSeconds(protocol.getEphemeralExpiration()).build();
            default -> UnsupportedContent.newBuilder().setMessageType("protocolMessage." + protocol.getType().name())
                    .build();
        };
    }

    private static String editedText(Message edited) {
        String text = Texts.of(Wrappers.unwrap(edited).message());
        return text == null ? "" : text;
    }

    private static GroupInviteContent invite(Message.GroupInviteMessage invite) {
        return GroupInviteContent.newBuilder()
                .setGroup(invite.getGroupJid())
                .setGroupName(invite.getGroupName())
                .setCode(invite.getInviteCode())
                .setExpiresAt(invite.getInviteExpiration() > 0 ? Instant.ofEpochSecond(invite.getInviteExpiration()) : null)
                .setCaption(MediaMapper.text(invite.hasCaption(), invite.getCaption()))
                .build();
    }

    /** Names the first content field set (in field-number order), e.g. {@code pollUpdateMessage}. */
    private static UnsupportedContent unsupported(Message m) {
        String type = m.getAllFields().keySet().stream().map(FieldDescriptor::getName)
                .filter(name -> !NOT_CONTENT.contains(name)).findFirst()
                .orElse(m.getAllFields().isEmpty() ? "empty" : m.getAllFields().keySet().iterator().next().getName());
        return UnsupportedContent.newBuilder().setMessageType(type).build();
    }
}
