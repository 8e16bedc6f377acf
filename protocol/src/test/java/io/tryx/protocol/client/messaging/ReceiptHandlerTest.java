package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.login.ClientPayloads;
import io.tryx.protocol.signal.PreKeyBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Receipts in: typed events and acks; retry receipts answered by encrypting the sent message again. */
class ReceiptHandlerTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Jid BOB = Jid.parse("15550002222@s.whatsapp.net");

    private final Fixture fixture = new Fixture();
    private final Fixture.Peer bobWeb = fixture.peer("15550002222:1@s.whatsapp.net");

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReadReceiptForSeveralMessagesBecomesOneEventThenAnAck() {
        fixture.messaging.onStanza(Node.builder("receipt").attr("from", bobWeb.jid).attr("id", "A").attr("type", "read")
                .attr("t", 1_700_000_005L).children(Node.builder("list").children(
                        Node.builder("item").attr("id", "B").build(), Node.builder("item").attr("id", "C").build()).build())
                .build());
        await().atMost(WITHIN).until(() -> fixture.channel.sent("ack").size() == 1);
        assertThat(fixture.events).containsExactly(new MessageEvent.ReceiptReceived(ReceiptType.READ, BOB, bobWeb.jid,
                List.of("A", "B", "C"), Instant.ofEpochSecond(1_700_000_005L), false));
        Node ack = fixture.channel.sent("ack").getFirst();
        assertThat(ack.attrs().toStringMap()).containsEntry("class", "receipt").containsEntry("id", "A")
                .containsEntry("to", bobWeb.jid.toString()).containsEntry("type", "read");
        assertThat(fixture.journal).containsExactly("event:ReceiptReceived", "sent:ack:A");

        fixture.messaging.onStanza(Node.builder("receipt").attr("from", BOB).attr("id", "D").attr("t", 1L).build());
        await().atMost(WITHIN).until(() -> fixture.channel.sent("ack").size() == 2);
        MessageEvent.ReceiptReceived delivery = (MessageEvent.ReceiptReceived) fixture.events.getLast();
        assertThat(delivery.type()).isEqualTo(ReceiptType.DELIVERY);
        assertThat(fixture.channel.sent("ack").getLast().attrs().has("type")).isFalse();
    }

    @Test
    void aRetryReceiptWithKeysGetsTheMessageAgainOnAFreshSessionWithTheSameId() throws Exception {
        fixture.channel.answers = ServerAnswers.of(List.of(new ServerAnswers.UserDevices(BOB, List.of(1), null),
                new ServerAnswers.UserDevices(Fixture.OWN.toNonAd(), List.of(3), null)),
                Map.of(bobWeb.jid, j -> bobWeb.party.bundle()));
        var sent = fixture.messaging.sendText(BOB, "please retry");
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == 1);
        String id = fixture.channel.sent("message").getFirst().attrs().string("id");
        fixture.messaging.onStanza(Node.builder("ack").attr("class", "message").attr("id", id).attr("t", 5L).build());
        sent.get();

        // Bob lost his session: he asks again and sends fresh keys
        PreKeyBundle fresh = bobWeb.party.bundle();
        Node keys = ServerAnswers.bundleNode(bobWeb.jid, fresh);
        Node retry = Node.builder("receipt").attr("from", bobWeb.jid).attr("id", id).attr("type", "retry").attr("t", 9L)
                .children(Node.builder("retry").attr("count", 2).attr("id", id).attr("t", 5L).attr("v", "1").build(),
                        Node.builder("registration").bytes(ClientPayloads.bigEndian(fresh.registrationId(), 4)).build(),
                        Node.builder("keys").children(keys.children().subList(1, keys.children().size())).build())
                .build();
        fixture.messaging.onStanza(retry);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == 2);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("ack").size() == 1);

        Node again = fixture.channel.sent("message").get(1);
        assertThat(again.attrs().string("id")).isEqualTo(id);
        assertThat(again.attrs().string("to")).isEqualTo(bobWeb.jid.toString());
        assertThat(again.attrs().string("t")).isEqualTo("5");
        Node enc = again.child("enc").orElseThrow();
        assertThat(enc.attrs().string("count")).isEqualTo("2");
        assertThat(enc.attrs().string("type")).isEqualTo("pkmsg");
        assertThat(again.child("device-identity")).isPresent();
        assertThat(bobWeb.decrypt(enc).getConversation()).isEqualTo("please retry");
        MessageEvent.ReceiptReceived event = (MessageEvent.ReceiptReceived) fixture.events.getLast();
        assertThat(event.type()).isEqualTo(ReceiptType.RETRY);
        assertThat(fixture.journal).containsSubsequence("sent:message:" + id, "event:ReceiptReceived", "sent:ack:" + id);
    }

    @Test
    void aRetryForAMessageWeNeverSentIsStillAcked() {
        fixture.messaging.onStanza(Node.builder("receipt").attr("from", bobWeb.jid).attr("id", "NOPE").attr("type", "retry")
                .children(Node.builder("retry").attr("count", 1).attr("id", "NOPE").attr("t", 1L).build()).build());
        await().atMost(WITHIN).until(() -> fixture.channel.sent("ack").size() == 1);
        assertThat(fixture.channel.sent("message")).isEmpty();
    }
}
