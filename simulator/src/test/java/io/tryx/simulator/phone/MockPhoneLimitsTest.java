package io.tryx.simulator.phone;

import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.messaging.MessagingHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mock phone keeps the last {@code limit} inbox entries, history messages, known messages and polls, and records a
 * message that arrives again under its id once.
 */
class MockPhoneLimitsTest {

    private static final int LIMIT = 3;

    private final MessagingHarness h = new MessagingHarness();
    private final MediaBlobs blobs = new MediaBlobs();
    private final MockPhones phones = new MockPhones(h.harness.accounts, h.harness.messaging, h.harness.groups, h.harness.clock,
            new PhoneMedia(blobs, () -> "https://127.0.0.1:4443"), LIMIT);

    @AfterEach
    void close() {
        blobs.close();
    }

    @Test
    void theOldestInboxEntriesAndHistoryMessagesAreDroppedAndCounted() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(phones.sendText(h.a, h.b.jid(), "text " + i));
        }
        MockPhone b = phones.phone(h.b);
        assertThat(b.inbox()).extracting(InboxEntry::text).containsExactly("text 3", "text 4", "text 5");
        assertThat(b.inboxDropped()).isEqualTo(2);
        assertThat(b.history().messageCount()).isEqualTo(LIMIT);
        assertThat(b.history().dropped()).isEqualTo(2);
        assertThat(phones.phone(h.a).history().dropped()).isEqualTo(2);
        assertThat(phones.dropped()).isEqualTo(new MockPhones.Dropped(2, 4));
        // the first message fell out of what B knows: it can no longer react to it, but to the last one
        assertThatThrownBy(() -> phones.send(h.b, h.a.jid(), new PhoneMessage.Reaction(ids.getFirst(), "👍")))
                .isInstanceOf(MessageKinds.TargetException.class);
        phones.send(h.b, h.a.jid(), new PhoneMessage.Reaction(ids.getLast(), "👍"));
    }

    @Test
    void theOldestPollIsForgottenBeyondTheLimit() {
        List<String> polls = new ArrayList<>();
        for (int i = 1; i <= LIMIT + 1; i++) {
            polls.add(phones.send(h.a, h.b.jid(), new PhoneMessage.Poll("Poll " + i, List.of("x", "y"), 1)));
        }
        assertThatThrownBy(() -> phones.send(h.b, h.a.jid(), new PhoneMessage.Vote(polls.getFirst(), null, List.of("x"))))
                .isInstanceOf(MessageKinds.TargetException.class);
        phones.send(h.b, h.a.jid(), new PhoneMessage.Vote(polls.getLast(), null, List.of("y")));
        assertThat(phones.phone(h.a).inbox().getLast().vote().options()).containsExactly("y");
    }

    @Test
    void undecryptableStanzasAreKeptUpToTheLimitToo() {
        for (int i = 0; i < 5; i++) {
            h.harness.messaging.delivery().deliver(h.b.jid().withDevice(0), io.tryx.protocol.binary.Node.builder("message")
                    .attr("from", h.a.jid()).attr("id", "BAD" + i).attr("t", 1).attr("type", "text").build());
        }
        assertThat(phones.phone(h.b).failures()).extracting(MockPhone.Failure::id).containsExactly("BAD2", "BAD3", "BAD4");
    }

    @Test
    void aMessageThatArrivesAgainUnderItsIdIsRecordedOnce() {
        phones.sendText(h.a, h.b.jid(), "hello"); // A's phone has a session with B's phone from here
        MockPhone a = phones.phone(h.a);
        io.tryx.protocol.jid.Jid bPhone = h.b.jid().withDevice(0);
        for (String text : List.of("repeated", "repeated", "other id")) {
            String id = text.equals("other id") ? "3EB0000000000000000002" : "3EB0000000000000000001";
            h.harness.messaging.delivery().deliver(bPhone, io.tryx.protocol.binary.Node.builder("message")
                    .attr("from", h.a.jid().withDevice(0)).attr("id", id).attr("t", 1).attr("type", "text")
                    .children(a.encryptText(bPhone, text)).build());
        }
        assertThat(phones.phone(h.b).inbox()).extracting(InboxEntry::text).containsExactly("hello", "repeated", "other id");
        assertThat(phones.phone(h.b).failures()).isEmpty();
    }
}
