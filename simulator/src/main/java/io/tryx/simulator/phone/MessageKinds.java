package io.tryx.simulator.phone;

import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;

import java.util.Optional;
import java.util.function.Function;

/**
 * Maps the mock phone's {@link PhoneMessage}s to end-to-end {@code Message} protobufs shaped as WhatsApp clients
 * build them (media: {@link MediaMessages}, polls and votes: {@link PollMessages}), and received protobufs back to
 * inbox entries:
 * <ul>
 *   <li>reaction: {@code reactionMessage{key, text, senderTimestampMs}}, the key naming the target in its chat
 *       with {@code fromMe} from the phone's point of view</li>
 *   <li>edit: {@code editedMessage{message{protocolMessage{type MESSAGE_EDIT, key{fromMe, id, remoteJid},
 *       editedMessage{conversation}, timestampMs}}}}</li>
 *   <li>revoke: {@code protocolMessage{type REVOKE, key}}</li>
 * </ul>
 */
public final class MessageKinds {

    private MessageKinds() {
    }

    /** A message the phone sent or received: its chat (non-AD JID), id, direction and, in groups, its author. */
    public record Known(String chat, String id, boolean fromMe, String participant) {
    }

    /** Why a message could not be built: its target is unknown, or not the phone's own where that is required. */
    public static final class TargetException extends IllegalArgumentException {
        private final boolean unknown;

        TargetException(String message, boolean unknown) {
            super(message);
            this.unknown = unknown;
        }

        /** True when no such message is known; false when it is known but not the phone's own. */
        public boolean unknown() {
            return unknown;
        }
    }

    /**
     * The protobuf for {@code message}, sent at {@code nowMillis}; {@code known} finds a target by id.
     *
     * @throws TargetException when the target is unknown, or an edit or revoke names a message the phone did not send
     */
    public static E2EProto.Message build(PhoneMessage message, long nowMillis, Function<String, Optional<Known>> known) {
        return switch (message) {
            case PhoneMessage.Media ignored -> throw new IllegalArgumentException("media are built from their upload");
            case PhoneMessage.Poll ignored -> throw new IllegalArgumentException("polls are built with their secret");
            case PhoneMessage.Vote ignored -> throw new IllegalArgumentException("votes are built from their poll");
            case PhoneMessage.Text text -> E2EProto.Message.newBuilder().setConversation(text.text()).build();
            case PhoneMessage.Location location -> {
                var builder = E2EProto.Message.LocationMessage.newBuilder()
                        .setDegreesLatitude(location.latitude()).setDegreesLongitude(location.longitude());
                if (location.name() != null) {
                    builder.setName(location.name());
                }
                yield E2EProto.Message.newBuilder().setLocationMessage(builder).build();
            }
            case PhoneMessage.Contact contact -> E2EProto.Message.newBuilder().setContactMessage(
                    E2EProto.Message.ContactMessage.newBuilder().setDisplayName(contact.displayName()).setVcard(contact.vcard()))
                    .build();
            case PhoneMessage.Reaction reaction -> E2EProto.Message.newBuilder().setReactionMessage(
                    E2EProto.Message.ReactionMessage.newBuilder().setKey(key(target(known, reaction.targetId(), false)))
                            .setText(reaction.emoji()).setSenderTimestampMs(nowMillis)).build();
            case PhoneMessage.Edit edit -> {
                var protocol = E2EProto.Message.ProtocolMessage.newBuilder()
                        .setType(E2EProto.Message.ProtocolMessage.Type.MESSAGE_EDIT)
                        .setKey(key(target(known, edit.targetId(), true)))
                        .setEditedMessage(E2EProto.Message.newBuilder().setConversation(edit.text()))
                        .setTimestampMs(nowMillis);
                yield E2EProto.Message.newBuilder().setEditedMessage(E2EProto.Message.FutureProofMessage.newBuilder()
                        .setMessage(E2EProto.Message.newBuilder().setProtocolMessage(protocol))).build();
            }
            case PhoneMessage.Revoke revoke -> E2EProto.Message.newBuilder().setProtocolMessage(
                    E2EProto.Message.ProtocolMessage.newBuilder().setType(E2EProto.Message.ProtocolMessage.Type.REVOKE)
                            .setKey(key(target(known, revoke.targetId(), true)))).build();
        };
    }

    /** The {@code edit} attribute of the stanza carrying {@code message}: 1 for an edit, 7 for a sender revoke. */
    public static Optional<String> editAttribute(PhoneMessage message) {
        return switch (message) {
            case PhoneMessage.Edit ignored -> Optional.of("1");
            case PhoneMessage.Revoke ignored -> Optional.of("7");
            default -> Optional.empty();
        };
    }

    /** The stanza {@code type}: {@code reaction}, {@code media}, {@code poll} (polls and votes) or {@code text}. */
    public static String stanzaType(PhoneMessage message) {
        return switch (message) {
            case PhoneMessage.Reaction ignored -> "reaction";
            case PhoneMessage.Media ignored -> "media";
            case PhoneMessage.Poll ignored -> "poll";
            case PhoneMessage.Vote ignored -> "poll";
            default -> "text";
        };
    }

    private static Known target(Function<String, Optional<Known>> known, String id, boolean ownOnly) {
        Known target = known.apply(id).orElseThrow(() -> new TargetException("no message " + id, true));
        if (ownOnly && !target.fromMe()) {
            throw new TargetException("message " + id + " was not sent by this phone", false);
        }
        return target;
    }

    private static CommonProto.MessageKey key(Known target) {
        var key = CommonProto.MessageKey.newBuilder().setRemoteJid(target.chat()).setFromMe(target.fromMe()).setId(target.id());
        if (!target.fromMe() && target.participant() != null) {
            key.setParticipant(target.participant());
        }
        return key.build();
    }

    /**
     * The content of a received message: its kind and the fields the inbox shows. Media are described as the
     * message declares them (the phone downloads them afterwards), polls with their options, votes by poll id
     * only (the phone opens them with the poll's secret).
     */
    public static InboxEntry describe(String id, String from, String chat, E2EProto.Message message) {
        E2EProto.Message m = unwrap(message);
        InboxEntry base = new InboxEntry(id, from, chat, "unknown", null);
        if (m.hasConversation() || m.hasExtendedTextMessage()) {
            return base.with("text", m.hasConversation() ? m.getConversation() : m.getExtendedTextMessage().getText());
        }
        if (m.hasLocationMessage()) {
            var location = m.getLocationMessage();
            return base.with("location", null).with(new InboxEntry.Location(location.getDegreesLatitude(),
                    location.getDegreesLongitude(), location.hasName() ? location.getName() : null));
        }
        if (m.hasContactMessage()) {
            return base.with("contact", null).with(new InboxEntry.Contact(m.getContactMessage().getDisplayName(),
                    m.getContactMessage().getVcard()));
        }
        if (m.hasReactionMessage()) {
            var reaction = m.getReactionMessage();
            return base.with("reaction", null).with(new InboxEntry.Target(reaction.getKey().getId(),
                    reaction.getKey().getFromMe(), reaction.getText()));
        }
        if (m.hasProtocolMessage()) {
            var protocol = m.getProtocolMessage();
            var target = new InboxEntry.Target(protocol.getKey().getId(), protocol.getKey().getFromMe(), null);
            switch (protocol.getType()) {
                case MESSAGE_EDIT -> {
                    var edited = protocol.getEditedMessage();
                    String text = edited.hasExtendedTextMessage() ? edited.getExtendedTextMessage().getText() : edited.getConversation();
                    return base.with("edit", text).with(target);
                }
                case REVOKE -> {
                    return base.with("revoke", null).with(target);
                }
                default -> {
                    return base.with("protocol", protocol.getType().name());
                }
            }
        }
        Optional<MediaMessages.Received> media = MediaMessages.read(m);
        if (media.isPresent()) {
            var received = media.get();
            return base.with(received.kind().type(), null).with(new InboxEntry.Media(received.mimetype(), null, null,
                    received.caption(), received.fileName(), received.ptt() ? Boolean.TRUE : null, null));
        }
        Optional<PollMessages.Creation> poll = PollMessages.read(m);
        if (poll.isPresent()) {
            return base.with("poll", null).with(new InboxEntry.Poll(poll.get().name(), poll.get().options(),
                    poll.get().selectableCount()));
        }
        if (m.hasPollUpdateMessage()) {
            return base.with("vote", null).with(new InboxEntry.Vote(
                    m.getPollUpdateMessage().getPollCreationMessageKey().getId(), null, null));
        }
        return base;
    }

    /** The message inside the wrappers the inbox looks through (ephemeral, and an edit's protocol message). */
    static E2EProto.Message unwrap(E2EProto.Message message) {
        E2EProto.Message m = message.hasEphemeralMessage() ? message.getEphemeralMessage().getMessage() : message;
        if (m.hasEditedMessage() && m.getEditedMessage().getMessage().hasProtocolMessage()) {
            m = m.getEditedMessage().getMessage();
        }
        return m;
    }

    /** True when {@code message} carries content beyond a sender key distribution and context info. */
    static boolean hasContent(E2EProto.Message message) {
        return message.toBuilder().clearSenderKeyDistributionMessage().clearMessageContextInfo()
                .clearFastRatchetKeySenderKeyDistributionMessage().build().getSerializedSize() > 0;
    }
}
