package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.messaging.MessagingHarness.A;
import static io.tryx.simulator.messaging.MessagingHarness.B;
import static io.tryx.simulator.messaging.MessagingHarness.message;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static io.tryx.simulator.messaging.MessagingHarness.to;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest {

    private final MessagingHarness h = new MessagingHarness();

    @Test
    void aMessageIsAckedAndEachAddressedDeviceGetsItsOwnEnc() {
        TestClient alice1 = h.companion(h.a, 10);
        TestClient alice2 = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        alice1.send(message("M1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "pkmsg", 1),
                to(A + ":2@s.whatsapp.net", "msg", 2)));

        Node ack = tagged(alice1, "ack").getLast();
        assertThat(ack.attrs().string("class")).isEqualTo("message");
        assertThat(ack.attrs().string("id")).isEqualTo("M1");
        assertThat(ack.attrs().string("from")).isEqualTo(B + "@s.whatsapp.net");
        assertThat(ack.attrs().has("t")).isTrue();

        Node atBob = tagged(bob, "message").getLast();
        assertThat(atBob.attrs().string("from")).isEqualTo(A + ":1@s.whatsapp.net");
        assertThat(atBob.attrs().string("id")).isEqualTo("M1");
        assertThat(atBob.attrs().string("notify")).isEqualTo("Alice");
        assertThat(atBob.attrs().string("sender_lid")).isEqualTo(h.a.lid().toString());
        assertThat(atBob.child("enc").orElseThrow().contentBytes().orElseThrow()).isEqualTo(MessagingHarness.filled(20, 1));

        Node atAlice2 = tagged(alice2, "message").getLast();
        assertThat(atAlice2.attrs().string("from")).isEqualTo(A + ":1@s.whatsapp.net");
        assertThat(atAlice2.attrs().string("recipient")).isEqualTo(B + "@s.whatsapp.net");
        assertThat(atAlice2.attrs().string("peer_recipient_lid")).isEqualTo(h.b.lid().toString());
        assertThat(atAlice2.child("enc").orElseThrow().attrs().string("type")).isEqualTo("msg");
        assertThat(tagged(alice1, "message")).isEmpty();
    }

    @Test
    void aLidAddressedMessageComesFromTheSendersLidWithSenderPn() {
        h.companion(h.a, 10);
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        alice.send(message("L1", h.b.lid().toString(), to(h.b.lid().withDevice(1).toString(), "msg", 3)));
        Node atBob = tagged(bob, "message").getLast();
        assertThat(atBob.attrs().string("from")).isEqualTo(h.a.lid().withDevice(2).toString());
        assertThat(atBob.attrs().string("sender_pn")).isEqualTo(A + "@s.whatsapp.net");
    }

    @Test
    void aDuplicateIdIsAckedButNotDeliveredTwice() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        Node m = message("DUP", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1));
        alice.send(m);
        alice.send(m);
        assertThat(tagged(alice, "ack")).hasSize(2);
        assertThat(tagged(bob, "message")).hasSize(1);
    }

    @Test
    void anOfflineDeviceGetsThePreviewItsMessagesAfterLoginThenOfflineCount() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        bob.connection.close();
        alice.send(message("O1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)));
        alice.send(message("O2", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 2)));
        assertThat(h.harness.messaging.delivery().queued(h.b.jid().withDevice(1))).isEqualTo(2);

        TestClient back = h.relogin(h.b, 1, bob);
        List<Node> received = back.received();
        List<String> tags = received.stream().map(Node::tag).toList();
        assertThat(tags).containsSubsequence("success", "ib", "message", "message", "ib");
        Node preview = received.stream().filter(n -> n.tag().equals("ib")).findFirst().orElseThrow()
                .child("offline_preview").orElseThrow();
        assertThat(preview.attrs().string("count")).isEqualTo("2");
        assertThat(preview.attrs().string("message")).isEqualTo("2");
        assertThat(preview.attrs().string("receipt")).isEqualTo("0");
        assertThat(preview.attrs().string("notification")).isEqualTo("0");
        assertThat(received.stream().filter(n -> n.tag().equals("message")).map(n -> n.attrs().string("id")))
                .containsExactly("O1", "O2");
        assertThat(received.getLast().child("offline").orElseThrow().attrs().string("count")).isEqualTo("2");
        assertThat(h.harness.messaging.delivery().queued(h.b.jid().withDevice(1))).isZero();
    }

    @Test
    void badMessagesAreNackedAndTheConnectionSurvives() {
        TestClient alice = h.companion(h.a, 10);
        alice.send(Node.builder("message").attr("id", "X1").attr("type", "text").build());
        assertThat(tagged(alice, "ack").getLast().attrs().string("error")).isEqualTo("400");
        alice.send(message("X2", "15550000000@s.whatsapp.net", to("15550000000:1@s.whatsapp.net", "msg", 1)));
        assertThat(tagged(alice, "ack").getLast().attrs().string("error")).isEqualTo("404");
        alice.send(Node.builder("message").attr("id", "X3").attr("to", B + "@s.whatsapp.net")
                .children(Node.builder("participants").children(Node.builder("to").attr("jid", B + ":1@s.whatsapp.net").build()).build()).build());
        assertThat(tagged(alice, "ack").getLast().attrs().string("error")).isEqualTo("400");
        assertThat(alice.query(h.iq("w:p", "get", Node.builder("ping").build())).attrs().string("type")).isEqualTo("result");
    }

    @Test
    void receiptsAreAckedAndRelayedToTheSendersDevices() {
        TestClient alice1 = h.companion(h.a, 10);
        TestClient alice2 = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        alice1.send(message("R1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)));

        bob.send(Node.builder("receipt").attr("id", "R1").attr("to", A + ":1@s.whatsapp.net").attr("type", "inactive").build());
        Node ack = tagged(bob, "ack").getLast();
        assertThat(ack.attrs().string("class")).isEqualTo("receipt");
        assertThat(ack.attrs().string("id")).isEqualTo("R1");
        Node delivered = tagged(alice1, "receipt").getLast();
        assertThat(delivered.attrs().string("from"))
                .isEqualTo(B + ":" + bob.connection.device().deviceId() + "@s.whatsapp.net");
        assertThat(delivered.attrs().has("type")).isFalse();
        assertThat(tagged(alice2, "receipt")).hasSize(1);

        bob.send(Node.builder("receipt").attr("id", "R1").attr("to", A + "@s.whatsapp.net").attr("type", "read")
                .children(Node.builder("list").children(Node.builder("item").attr("id", "R0").build()).build()).build());
        Node read = tagged(alice1, "receipt").getLast();
        assertThat(read.attrs().string("type")).isEqualTo("read");
        assertThat(read.child("list").orElseThrow().children("item")).hasSize(1);

        bob.send(Node.builder("receipt").attr("id", "R2").attr("to", "15550000000@s.whatsapp.net").build());
        assertThat(tagged(bob, "ack").getLast().attrs().string("error")).isEqualTo("400");
    }
}
