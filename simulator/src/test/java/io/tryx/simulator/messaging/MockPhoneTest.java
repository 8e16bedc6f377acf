package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.phone.MockPhone;
import io.tryx.simulator.phone.InboxEntry;
import io.tryx.simulator.phone.MockPhones;
import io.tryx.simulator.phone.PhoneMedia;
import io.tryx.simulator.media.MediaBlobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.tryx.simulator.messaging.MessagingHarness.A;
import static io.tryx.simulator.messaging.MessagingHarness.B;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockPhoneTest {

    private final MessagingHarness h = new MessagingHarness();
    private final MediaBlobs blobs = new MediaBlobs();
    private final MockPhones phones = new MockPhones(h.harness.accounts, h.harness.messaging, h.harness.groups, h.harness.clock,
            new PhoneMedia(blobs, () -> "https://127.0.0.1:1"), 1000);

    @AfterEach
    void closeBlobs() {
        blobs.close();
    }

    @Test
    void twoPhonesExchangeTextsBothWaysWithSessionsFromBundles() {
        String first = phones.sendText(h.a, h.b.jid(), "hi B");
        assertThat(phones.phone(h.b).inbox()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(first);
            assertThat(e.text()).isEqualTo("hi B");
            assertThat(e.from()).isEqualTo(A + "@s.whatsapp.net");
            assertThat(e.chat()).isEqualTo(A + "@s.whatsapp.net");
        });
        phones.sendText(h.b, h.a.lid(), "hi A, via LID");
        phones.sendText(h.a, h.b.jid(), "again");
        assertThat(phones.phone(h.a).inbox()).extracting(InboxEntry::text).containsExactly("hi A, via LID");
        assertThat(phones.phone(h.b).inbox()).extracting(InboxEntry::text).containsExactly("hi B", "again");
    }

    @Test
    void aPhoneMessageToACompanionCarriesAPkmsgFromDeviceZeroAndTheReceiptIsAcked() {
        TestClient bob = h.companion(h.b, 10);
        String id = phones.sendText(h.a, h.b.jid(), "to the companion");
        Node atBob = tagged(bob, "message").getLast();
        assertThat(atBob.attrs().string("id")).isEqualTo(id);
        assertThat(atBob.attrs().string("from")).isEqualTo(A + "@s.whatsapp.net");
        assertThat(atBob.attrs().string("sender_lid")).isEqualTo(h.a.lid().toString());
        assertThat(atBob.child("enc").orElseThrow().attrs().string("type")).isEqualTo("pkmsg");
        assertThat(h.b.device(1).orElseThrow().preKeyCount()).isEqualTo(9);
        bob.send(Node.builder("receipt").attr("id", id).attr("to", A + "@s.whatsapp.net").build());
        assertThat(tagged(bob, "ack").getLast().attrs().has("error")).isFalse();
    }

    @Test
    void aStanzaDeliveredTwiceIsRecordedAsAFailureTheSecondTime() {
        phones.sendText(h.a, h.b.jid(), "first");
        Node enc = phones.phone(h.a).encryptText(h.b.jid().withDevice(0), "replayed");
        Node stanza = Node.builder("message").attr("from", h.a.jid()).attr("id", "REPLAY1").attr("t", 1).attr("type", "text")
                .children(enc).build();
        h.harness.messaging.delivery().deliver(h.b.jid().withDevice(0), stanza);
        assertThat(phones.phone(h.b).failures()).isEmpty();
        h.harness.messaging.delivery().deliver(h.b.jid().withDevice(0), stanza);
        assertThat(phones.phone(h.b).inbox()).extracting(InboxEntry::text).containsExactly("first", "replayed");
        assertThat(phones.phone(h.b).failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("REPLAY1");
            assertThat(f.from()).isEqualTo(A + "@s.whatsapp.net");
            assertThat(f.error()).containsIgnoringCase("duplicate");
        });
    }

    @Test
    void anUnknownRecipientIsRefused() {
        assertThatThrownBy(() -> phones.sendText(h.a, io.tryx.protocol.jid.Jid.parse("15550000000@s.whatsapp.net"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(B).isNotEmpty();
    }
}
