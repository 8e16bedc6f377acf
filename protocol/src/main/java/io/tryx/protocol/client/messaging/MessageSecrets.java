package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.message.PollVotes;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.UnitOfWork;

import java.util.Optional;

/**
 * Keeps the secrets of messages that later messages may refer to (polls, events, encrypted reactions, ...), sent or
 * received, in the operation's unit of work, with the time (pruned after {@link MessagingConfig#secretRetention()});
 * a poll's original message is kept with it since its votes name options by hash.
 */
final class MessageSecrets {

    static final int SECRET_LENGTH = 32;

    private MessageSecrets() {
    }

    static void remember(UnitOfWork work, MessageRef ref, E2EProto.Message message, long atMillis) {
        if (!message.hasMessageContextInfo() || message.getMessageContextInfo().getMessageSecret().size() != SECRET_LENGTH) {
            return;
        }
        byte[] original = PollVotes.pollOf(message).isPresent()
                ? message.toBuilder().clearMessageContextInfo().build().toByteArray() : new byte[0];
        work.storeMessageSecret(ref, message.getMessageContextInfo().getMessageSecret().toByteArray(), original, atMillis);
    }

    /** The {@code <meta polltype>} child WhatsApp puts on poll stanzas, if {@code message} is a poll or a vote. */
    static Optional<Node> pollMeta(E2EProto.Message message) {
        if (message.hasPollUpdateMessage()) {
            return Optional.of(Node.builder("meta").attr("polltype", "vote").build());
        }
        if (PollVotes.pollOf(message).isPresent()) {
            return Optional.of(Node.builder("meta").attr("polltype", "creation").build());
        }
        return Optional.empty();
    }
}
