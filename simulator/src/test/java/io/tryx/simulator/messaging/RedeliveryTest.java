package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.messaging.MessagingHarness.B;
import static io.tryx.simulator.messaging.MessagingHarness.message;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static io.tryx.simulator.messaging.MessagingHarness.to;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message written to a companion stays pending until the companion acknowledges it (receipt or message ack); if
 * its connection ends first, the next login gets it again, ahead of the offline queue.
 */
class RedeliveryTest {

    private final MessagingHarness h = new MessagingHarness();

    @Test
    void aMessageNeverAcknowledgedIsSentAgainOnTheNextLoginBeforeTheQueue() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        alice.send(message("U1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)));
        assertThat(ids(tagged(bob, "message"))).containsExactly("U1");
        assertThat(h.harness.messaging.delivery().unacknowledged(h.b.jid().withDevice(1))).isEqualTo(1);

        bob.connection.close(); // killed after reading U1, before handling it
        alice.send(message("Q1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 2)));

        TestClient back = h.relogin(h.b, 1, bob);
        assertThat(ids(tagged(back, "message"))).containsExactly("U1", "Q1");
        assertThat(tagged(back, "ib").getLast().child("offline").orElseThrow().attrs().string("count")).isEqualTo("2");
    }

    @Test
    void receiptsAndMessageAcksEndThePendingState() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        for (String id : List.of("R1", "R2", "R3", "N1")) {
            alice.send(message(id, B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)));
        }
        String alice1 = h.a.jid().withDevice(1).toString();
        bob.send(Node.builder("receipt").attr("id", "R1").attr("to", alice1).children(Node.builder("list")
                .children(Node.builder("item").attr("id", "R2").build()).build()).build());
        bob.send(Node.builder("receipt").attr("id", "R3").attr("to", alice1).attr("type", "read").build());
        assertThat(h.harness.messaging.delivery().unacknowledged(h.b.jid().withDevice(1))).isEqualTo(1);
        bob.send(Node.builder("ack").attr("class", "message").attr("id", "N1").attr("to", alice1).build());
        assertThat(h.harness.messaging.delivery().unacknowledged(h.b.jid().withDevice(1))).isZero();

        bob.connection.close();
        TestClient back = h.relogin(h.b, 1, bob);
        assertThat(tagged(back, "message")).isEmpty();
        assertThat(tagged(back, "ib").getLast().child("offline").orElseThrow().attrs().string("count")).isEqualTo("0");
    }

    @Test
    void aRedeliveredMessageStaysPendingUntilTheNewConnectionAcknowledgesIt() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 10);
        alice.send(message("P1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)));
        bob.connection.close();
        TestClient second = h.relogin(h.b, 1, bob);
        assertThat(ids(tagged(second, "message"))).containsExactly("P1");
        second.connection.close(); // killed again before answering

        TestClient third = h.relogin(h.b, 1, second);
        assertThat(ids(tagged(third, "message"))).containsExactly("P1");
        third.send(Node.builder("receipt").attr("id", "P1").attr("to", h.a.jid().withDevice(1).toString()).build());
        third.connection.close();
        assertThat(tagged(h.relogin(h.b, 1, third), "message")).isEmpty();
    }

    @Test
    void anotherDevicesReceiptDoesNotAcknowledge() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob1 = h.companion(h.b, 10);
        TestClient bob2 = h.companion(h.b, 10);
        alice.send(message("D1", B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1),
                to(B + ":2@s.whatsapp.net", "msg", 2)));
        bob2.send(Node.builder("receipt").attr("id", "D1").attr("to", h.a.jid().withDevice(1).toString()).build());
        assertThat(h.harness.messaging.delivery().unacknowledged(h.b.jid().withDevice(1))).isEqualTo(1);
        assertThat(h.harness.messaging.delivery().unacknowledged(h.b.jid().withDevice(2))).isZero();
        bob1.connection.close();
        assertThat(ids(tagged(h.relogin(h.b, 1, bob1), "message"))).containsExactly("D1");
    }

    private static List<String> ids(List<Node> stanzas) {
        return stanzas.stream().map(n -> n.attrs().string("id")).toList();
    }
}
