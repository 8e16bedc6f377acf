package io.tryx.bridge.events;

import io.tryx.events.v1.PollCreateContent;
import io.tryx.protocol.proto.E2EProto.Message;
import io.tryx.protocol.proto.E2EProto.Message.PollCreationMessage;

/**
 * Polls. A new poll (any of its protobuf versions) becomes a {@link PollCreateContent}. A vote
 * ({@code pollUpdateMessage}) travels encrypted with a key derived from the poll's message secret and names the
 * chosen options only by their hashes; the runtime keeps neither, so the bridge cannot produce the contract's
 * decrypted {@code PollVoteContent} and reports votes as {@code UnsupportedContent("pollUpdateMessage")} (never a
 * made-up selection).
 */
final class PollMapper {

    private PollMapper() {
    }

    /** The poll creation of {@code m}, whichever field carries it, or null. */
    static PollCreationMessage creation(Message m) {
        if (m.hasPollCreationMessage()) {
            return m.getPollCreationMessage();
        }
        if (m.hasPollCreationMessageV2()) {
            return m.getPollCreationMessageV2();
        }
        if (m.hasPollCreationMessageV3()) {
            return m.getPollCreationMessageV3();
        }
        if (m.hasPollCreationMessageV5()) {
            return m.getPollCreationMessageV5();
        }
        return null;
    }

    static PollCreateContent create(PollCreationMessage poll) {
        return PollCreateContent.newBuilder()
                .setName(poll.getName())
                .setOptions(poll.getOptionsList().stream().map(PollCreationMessage.Option::getOptionName).toList())
                .setSelectableCount(poll.getSelectableOptionsCount())
                .build();
    }
}
