package io.tryx.bridge.events;

import io.tryx.events.v1.PollCreateContent;
import io.tryx.protocol.proto.E2EProto.Message;
import io.tryx.protocol.proto.E2EProto.Message.PollCreationMessage;

/**
 * Polls. A new poll (any of its protobuf versions) becomes a {@link PollCreateContent}. Votes the runtime could
 * decrypt (it keeps the secrets and options of polls it saw) arrive as their own event and become a
 * {@code PollVoteContent} ({@link MessageEventMapper}); a vote it could not read stays a plain message and is
 * reported as {@code UnsupportedContent("pollUpdateMessage")} (never a made-up selection).
 */
final class PollMapper {

    private PollMapper() {
    }

    /** The poll creation of {@code m}, whichever field carries it, or null. */
    static PollCreationMessage creation(Message m) {
        return io.tryx.protocol.message.PollVotes.pollOf(m).orElse(null);
    }

    static PollCreateContent create(PollCreationMessage poll) {
        return PollCreateContent.newBuilder()
                .setName(poll.getName())
                .setOptions(poll.getOptionsList().stream().map(PollCreationMessage.Option::getOptionName).toList())
                .setSelectableCount(poll.getSelectableOptionsCount())
                .build();
    }
}
