package io.tryx.simulator.phone;

import com.google.protobuf.ByteString;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;

import java.util.List;
import java.util.Optional;

/**
 * Poll messages as WhatsApp Web shapes them: a poll is {@code pollCreationMessageV3} when exactly one option may
 * be chosen and {@code pollCreationMessage} otherwise ({@code name}, {@code options[].optionName},
 * {@code selectableOptionsCount}), with the poll's 32-byte secret in {@code messageContextInfo.messageSecret};
 * a vote is {@code pollUpdateMessage{pollCreationMessageKey, vote{encPayload, encIv}, senderTimestampMs}}, the key
 * naming the poll from the voter's point of view.
 */
final class PollMessages {

    private PollMessages() {
    }

    /** A poll read from a message. */
    record Creation(String name, List<String> options, int selectableCount) {
    }

    static E2EProto.Message creation(PhoneMessage.Poll poll, byte[] secret) {
        var creation = E2EProto.Message.PollCreationMessage.newBuilder().setName(poll.name())
                .setSelectableOptionsCount(poll.selectableCount());
        poll.options().forEach(o -> creation.addOptions(E2EProto.Message.PollCreationMessage.Option.newBuilder().setOptionName(o)));
        E2EProto.Message.Builder message = E2EProto.Message.newBuilder()
                .setMessageContextInfo(E2EProto.MessageContextInfo.newBuilder().setMessageSecret(ByteString.copyFrom(secret)));
        return (poll.selectableCount() == 1 ? message.setPollCreationMessageV3(creation) : message.setPollCreationMessage(creation))
                .build();
    }

    /** The vote of the phone owning {@code ownJid} on {@code poll}. */
    static E2EProto.Message update(PollBook.KnownPoll poll, String ownJid, E2EProto.Message.PollEncValue vote, long nowMillis) {
        boolean fromMe = poll.creator().equals(ownJid);
        var key = CommonProto.MessageKey.newBuilder().setRemoteJid(poll.chat()).setFromMe(fromMe).setId(poll.id());
        if (!fromMe && poll.chat().endsWith("@g.us")) {
            key.setParticipant(poll.creator());
        }
        return E2EProto.Message.newBuilder().setPollUpdateMessage(E2EProto.Message.PollUpdateMessage.newBuilder()
                .setPollCreationMessageKey(key).setVote(vote).setSenderTimestampMs(nowMillis)).build();
    }

    /** The poll of {@code m}, whichever version carries it. */
    static Optional<Creation> read(E2EProto.Message m) {
        E2EProto.Message.PollCreationMessage creation;
        if (m.hasPollCreationMessageV3()) {
            creation = m.getPollCreationMessageV3();
        } else if (m.hasPollCreationMessage()) {
            creation = m.getPollCreationMessage();
        } else if (m.hasPollCreationMessageV2()) {
            creation = m.getPollCreationMessageV2();
        } else {
            return Optional.empty();
        }
        return Optional.of(new Creation(creation.getName(),
                creation.getOptionsList().stream().map(E2EProto.Message.PollCreationMessage.Option::getOptionName).toList(),
                creation.getSelectableOptionsCount()));
    }
}
