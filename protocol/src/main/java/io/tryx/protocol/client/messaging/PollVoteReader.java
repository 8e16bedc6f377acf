package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.PollVotes;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.StoredSecret;
import com.google.protobuf.InvalidProtocolBufferException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a received poll vote: finds the poll's stored secret and options (the poll was sent or received by this
 * account earlier), decrypts the vote and names the selected options. A vote for a poll this account never saw,
 * or one that does not decrypt, is not read (it is then reported as the plain message it is).
 */
final class PollVoteReader {

    private static final Logger log = LoggerFactory.getLogger(PollVoteReader.class);

    private final SecretLookup secrets;

    PollVoteReader(SecretLookup secrets) {
        this.secrets = secrets;
    }

    Optional<MessageEvent.PollVoteReceived> read(MessageInfo info, E2EProto.Message message) {
        if (!message.hasPollUpdateMessage()) {
            return Optional.empty();
        }
        E2EProto.Message.PollUpdateMessage update = message.getPollUpdateMessage();
        CommonProto.MessageKey key = update.getPollCreationMessageKey();
        Jid voter = info.sender().toNonAd();
        try {
            Jid creator = key.getFromMe() ? voter
                    : Jid.parse(key.hasParticipant() && !key.getParticipant().isEmpty() ? key.getParticipant() : key.getRemoteJid()).toNonAd();
            for (SecretLookup.Found found : secrets.all(info.chat(), creator, key.getId())) {
                StoredSecret stored = found.secret();
                if (stored.original().length == 0) {
                    continue;
                }
                Jid candidate = found.author();
                MessageRef poll = new MessageRef(info.chat(), candidate, key.getId());
                E2EProto.Message original = E2EProto.Message.parseFrom(stored.original());
                E2EProto.Message.PollCreationMessage creation = PollVotes.pollOf(original).orElseThrow(
                        () -> new ProtocolException(ProtocolException.Reason.MALFORMED, "stored original is not a poll"));
                List<byte[]> hashes = PollVotes.decrypt(stored.secret(), key.getId(), candidate.toString(),
                        voter.toString(), update.getVote());
                List<String> options = creation.getOptionsList().stream()
                        .map(E2EProto.Message.PollCreationMessage.Option::getOptionName).toList();
                Instant votedAt = update.getSenderTimestampMs() > 0 ? Instant.ofEpochMilli(update.getSenderTimestampMs())
                        : info.timestamp();
                return Optional.of(new MessageEvent.PollVoteReceived(info, poll, creation.getName(), options,
                        PollVotes.optionNames(creation, hashes), votedAt));
            }
            log.info("vote {} from {} is for poll {} this account does not know", info.id(), voter, key.getId());
        } catch (ProtocolException | InvalidProtocolBufferException e) {
            log.info("vote {} from {} not readable: {}", info.id(), voter, e.getMessage());
        }
        return Optional.empty();
    }
}
