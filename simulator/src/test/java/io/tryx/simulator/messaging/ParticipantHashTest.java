package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.ParticipantHash;
import io.tryx.simulator.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.messaging.MessagingHarness.B;
import static io.tryx.simulator.messaging.MessagingHarness.message;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static io.tryx.simulator.messaging.MessagingHarness.to;
import static org.assertj.core.api.Assertions.assertThat;

/** The server compares a message's {@code phash} with its own view of the devices and answers a stale one. */
class ParticipantHashTest {

    private final MessagingHarness h = new MessagingHarness();

    @Test
    void aMatchingPhashGetsAPlainAck() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        String phash = ParticipantHash.of(List.of(h.a.jid(), h.a.jid().withDevice(1), h.b.jid(), h.b.jid().withDevice(1)));
        alice.send(withPhash(message("P1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)), phash));

        Node ack = tagged(alice, "ack").getLast();
        assertThat(ack.attrs().string("id")).isEqualTo("P1");
        assertThat(ack.attrs().has("phash")).isFalse();
        assertThat(ack.attrs().has("error")).isFalse();
        assertThat(tagged(bob, "message")).hasSize(1);
    }

    @Test
    void aStalePhashIsAnsweredWithTheServersAndTheMessageStillGoesOut() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        String stale = ParticipantHash.of(List.of(h.a.jid(), h.a.jid().withDevice(1), h.b.jid(), h.b.jid().withDevice(1)));
        TestClient bob2 = h.companion(h.b, 10);
        alice.send(withPhash(message("P2", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)), stale));

        Node ack = tagged(alice, "ack").getLast();
        assertThat(ack.attrs().string("phash")).isEqualTo(ParticipantHash.of(List.of(h.a.jid(), h.a.jid().withDevice(1),
                h.b.jid(), h.b.jid().withDevice(1), h.b.jid().withDevice(2))));
        assertThat(tagged(bob, "message")).hasSize(1);
        assertThat(tagged(bob2, "message")).isEmpty();
    }

    @Test
    void aLidAddressedMessageIsHashedOverLidDevices() {
        TestClient alice = h.companion(h.a, 10);
        h.companion(h.b, 10);
        List<Jid> lids = List.of(h.a.lid(), h.a.lid().withDevice(1), h.b.lid(), h.b.lid().withDevice(1));
        alice.send(withPhash(message("P3", h.b.lid().toString(), to(h.b.lid().withDevice(1).toString(), "msg", 1)),
                ParticipantHash.of(lids)));
        assertThat(tagged(alice, "ack").getLast().attrs().has("phash")).isFalse();

        alice.send(withPhash(message("P4", h.b.lid().toString(), to(h.b.lid().withDevice(1).toString(), "msg", 1)),
                ParticipantHash.of(List.of(h.a.jid(), h.a.jid().withDevice(1), h.b.jid(), h.b.jid().withDevice(1)))));
        assertThat(tagged(alice, "ack").getLast().attrs().string("phash")).isEqualTo(ParticipantHash.of(lids));
    }

    @Test
    void aMessageWithoutPhashIsNotJudged() {
        TestClient alice = h.companion(h.a, 10);
        h.companion(h.b, 10);
        alice.send(message("P5", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)));
        assertThat(tagged(alice, "ack").getLast().attrs().has("phash")).isFalse();
    }

    private static Node withPhash(Node message, String phash) {
        return Node.builder(message.tag()).attr("id", message.attrs().string("id")).attr("to", message.attrs().string("to"))
                .attr("type", "text").attr("phash", phash).children(message.children()).build();
    }
}
