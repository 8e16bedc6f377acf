package io.tryx.simulator.phone;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.messaging.MessagingHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Polls between two mock phones: the poll shows with its options, and a vote, sealed with the poll's secret, is
 * opened by the creator (and by any phone that received the poll) into option names.
 */
class MockPhonePollsTest {

    private final MessagingHarness h = new MessagingHarness();
    private final MediaBlobs blobs = new MediaBlobs();
    private final MockPhones phones = new MockPhones(h.harness.accounts, h.harness.messaging, h.harness.groups, h.harness.clock,
            new PhoneMedia(blobs, () -> "https://127.0.0.1:4443"), 1000);

    @AfterEach
    void close() {
        blobs.close();
    }

    @Test
    void aSingleChoicePollIsAV3PollWithA32ByteSecretAndMultiChoiceIsTheFirstVersion() {
        byte[] secret = new byte[32];
        E2EProto.Message single = PollMessages.creation(new PhoneMessage.Poll("Lunch?", List.of("pizza", "sushi"), 1), secret);
        assertThat(single.hasPollCreationMessageV3()).isTrue();
        assertThat(single.getPollCreationMessageV3().getOptionsList()).extracting(o -> o.getOptionName()).containsExactly("pizza", "sushi");
        assertThat(single.getPollCreationMessageV3().getSelectableOptionsCount()).isEqualTo(1);
        assertThat(single.getMessageContextInfo().getMessageSecret().size()).isEqualTo(32);
        E2EProto.Message multi = PollMessages.creation(new PhoneMessage.Poll("Days?", List.of("mon", "tue", "wed"), 0), secret);
        assertThat(multi.hasPollCreationMessage()).isTrue();
        assertThat(multi.hasPollCreationMessageV3()).isFalse();
    }

    @Test
    void theCreatorOpensAVoteOnItsPollIntoOptionNames() {
        String poll = phones.send(h.a, h.b.jid(), new PhoneMessage.Poll("Lunch?", List.of("pizza", "sushi", "tacos"), 1));
        InboxEntry received = phones.phone(h.b).inbox().getLast();
        assertThat(received.type()).isEqualTo("poll");
        assertThat(received.poll()).isEqualTo(new InboxEntry.Poll("Lunch?", List.of("pizza", "sushi", "tacos"), 1));

        String vote = phones.send(h.b, h.a.jid(), new PhoneMessage.Vote(poll, h.a.jid().toString(), List.of("sushi")));

        InboxEntry atCreator = phones.phone(h.a).inbox().getLast();
        assertThat(atCreator.id()).isEqualTo(vote);
        assertThat(atCreator.type()).isEqualTo("vote");
        assertThat(atCreator.vote()).isEqualTo(new InboxEntry.Vote(poll, List.of("sushi"), null));
    }

    @Test
    void aReceiverOpensTheCreatorsOwnVoteAndAWithdrawnVoteHasNoOptions() {
        String poll = phones.send(h.a, h.b.jid(), new PhoneMessage.Poll("Days?", List.of("mon", "tue", "wed"), 0));
        phones.send(h.a, h.b.jid(), new PhoneMessage.Vote(poll, null, List.of("mon", "wed")));
        phones.send(h.a, h.b.jid(), new PhoneMessage.Vote(poll, null, List.of()));

        var inbox = phones.phone(h.b).inbox();
        assertThat(inbox).extracting(InboxEntry::type).containsExactly("poll", "vote", "vote");
        assertThat(inbox.get(1).vote().options()).containsExactly("mon", "wed");
        assertThat(inbox.get(2).vote().options()).isEmpty();
        assertThat(inbox.get(2).vote().voteError()).isNull();
    }

    @Test
    void aVoteOnAPollThePhoneNeverSawShowsAnError() {
        String poll = phones.send(h.a, h.b.jid(), new PhoneMessage.Poll("Lunch?", List.of("pizza", "sushi"), 1));
        var account = h.harness.accounts.create("15550007773", "Carol");
        // Carol never received the poll: B's vote, sent to her, names a poll she does not know
        phones.send(h.b, account.jid(), new PhoneMessage.Vote(poll, null, List.of("pizza")));
        InboxEntry entry = phones.phone(account).inbox().getLast();
        assertThat(entry.vote().pollId()).isEqualTo(poll);
        assertThat(entry.vote().options()).isNull();
        assertThat(entry.vote().voteError()).isEqualTo("unknown poll " + poll);
    }

    @Test
    void aVoteOpensOnlyWithTheSamePollCreatorAndVoter() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        List<String> options = List.of("yes", "no");
        var sealed = PollVotes.encrypt(secret, "POLL1", "1@s.whatsapp.net", "2@s.whatsapp.net", List.of("no"), new SecureRandom());
        assertThat(sealed.getEncIv().size()).isEqualTo(12);
        assertThat(PollVotes.decrypt(secret, "POLL1", "1@s.whatsapp.net", "2@s.whatsapp.net", sealed, options)).containsExactly("no");
        assertThatThrownBy(() -> PollVotes.decrypt(secret, "POLL1", "1@s.whatsapp.net", "3@s.whatsapp.net", sealed, options))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> PollVotes.decrypt(secret, "POLL2", "1@s.whatsapp.net", "2@s.whatsapp.net", sealed, options))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> PollVotes.decrypt(secret, "POLL1", "1@s.whatsapp.net", "2@s.whatsapp.net", sealed, List.of("yes")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVoteKeyIsHkdfOfTheSecretOverPollIdCreatorVoterAndLabel() throws Exception {
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) i;
        }
        // HKDF-SHA256 without salt and one block of output, written out: PRK = HMAC(zeros, secret),
        // key = HMAC(PRK, info || 0x01)
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] prk = mac.doFinal(secret);
        mac.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
        mac.update("ID1".getBytes());
        mac.update("1@s.whatsapp.net".getBytes());
        mac.update("2@s.whatsapp.net".getBytes());
        mac.update("Poll Vote".getBytes());
        byte[] expected = mac.doFinal(new byte[]{1});
        assertThat(PollVotes.key(secret, "ID1", "1@s.whatsapp.net", "2@s.whatsapp.net")).isEqualTo(expected);
    }
}
