package io.tryx.simulator.phone;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.simulator.account.Account;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Optional;

/**
 * Prepares what the mock phone sends for one {@link PhoneMessage}: texts and the simple kinds through
 * {@link MessageKinds}, media encrypted and uploaded through {@link PhoneMedia} first, polls with a fresh
 * 32-byte secret, votes sealed with the secret of the poll they name.
 */
final class PhoneContent {

    private PhoneContent() {
    }

    /**
     * The message to encrypt; for media the SHA-256 (hex) of the plaintext, for a poll the poll to remember
     * once it was sent.
     */
    record Prepared(E2EProto.Message message, String sha256, PollBook.KnownPoll poll) {
    }

    /**
     * Prepares {@code message} of {@code sender}'s phone, to be sent with id {@code id} into chat {@code chat}.
     *
     * @throws MessageKinds.TargetException when a reaction, edit, revoke or vote names no message or poll it knows
     * @throws InvalidChoiceException       when a vote chooses options the poll does not allow
     */
    static Prepared prepare(MockPhone sender, PhoneMessage message, String id, String chat, long nowMillis,
                            PhoneMedia media, SecureRandom random) {
        Account account = sender.account();
        return switch (message) {
            case PhoneMessage.Media m -> {
                PhoneMedia.Uploaded upload = media.upload(m.source(), m.kind().mediaType(m.ptt()));
                yield new Prepared(MediaMessages.build(m, upload, nowMillis / 1000), HexFormat.of().formatHex(upload.media().fileSha256()), null);
            }
            case PhoneMessage.Poll poll -> {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                yield new Prepared(PollMessages.creation(poll, secret), null, new PollBook.KnownPoll(chat, id,
                        account.jid().toNonAd().toString(), poll.name(), poll.options(), poll.selectableCount(), secret));
            }
            case PhoneMessage.Vote vote -> new Prepared(vote(sender, vote, nowMillis, random), null, null);
            default -> new Prepared(MessageKinds.build(message, nowMillis, sender::known), null, null);
        };
    }

    private static E2EProto.Message vote(MockPhone sender, PhoneMessage.Vote vote, long nowMillis, SecureRandom random) {
        Optional<PollBook.KnownPoll> found = sender.poll(vote.pollId())
                .filter(p -> vote.pollChat() == null || sameChat(p.chat(), vote.pollChat()));
        PollBook.KnownPoll poll = found.orElseThrow(() -> new MessageKinds.TargetException("no poll " + vote.pollId()
                + (vote.pollChat() == null ? "" : " in " + vote.pollChat()), true));
        if (!poll.options().containsAll(vote.options()) || new HashSet<>(vote.options()).size() != vote.options().size()) {
            throw new InvalidChoiceException("the poll's options are " + poll.options() + ", each chosen at most once");
        }
        if (poll.selectableCount() > 0 && vote.options().size() > poll.selectableCount()) {
            throw new InvalidChoiceException("at most " + poll.selectableCount() + " options may be chosen");
        }
        Account account = sender.account();
        // the voter names itself in the addressing domain of the poll's creator, as WhatsApp clients do
        String voter = (Jid.parse(poll.creator()).isLid() ? account.lid() : account.jid()).toNonAd().toString();
        var sealed = PollVotes.encrypt(poll.secret(), poll.id(), poll.creator(), voter, vote.options(), random);
        return PollMessages.update(poll, voter, sealed, nowMillis);
    }

    private static boolean sameChat(String a, String b) {
        try {
            return Jid.parse(a).toNonAd().equals(Jid.parse(b).toNonAd());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
