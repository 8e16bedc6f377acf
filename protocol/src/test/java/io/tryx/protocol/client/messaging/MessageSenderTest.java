package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.PreKeyBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Sending 1:1 with real Signal parties behind a fake server: devices, bundles, per-device encryption, acks. */
class MessageSenderTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Jid BOB = Jid.parse("15550002222@s.whatsapp.net");
    private static final Jid BOB_LID = Jid.parse("200000000000002@lid");

    private final Fixture fixture = new Fixture();
    private final Fixture.Peer bobPhone = fixture.peer("15550002222@s.whatsapp.net");
    private final Fixture.Peer bobWeb = fixture.peer("15550002222:1@s.whatsapp.net");
    private final Fixture.Peer ownPhone = fixture.peer("15550001111@s.whatsapp.net");
    private final Fixture.Peer ownTablet = fixture.peer("15550001111:5@s.whatsapp.net");

    MessageSenderTest() {
        Map<Jid, Function<Jid, PreKeyBundle>> bundles = Map.of(
                bobPhone.jid, j -> bobPhone.party.bundle(), bobWeb.jid, j -> bobWeb.party.bundle(),
                ownPhone.jid, j -> ownPhone.party.bundle(), ownTablet.jid, j -> ownTablet.party.bundle());
        fixture.channel.answers = ServerAnswers.of(List.of(
                new ServerAnswers.UserDevices(BOB, List.of(0, 1), BOB_LID),
                new ServerAnswers.UserDevices(Fixture.OWN.toNonAd(), List.of(0, 3, 5), Fixture.OWN_LID.toNonAd())), bundles);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTextReachesEveryDeviceOfThePeerAndOurOtherDevicesAsDeviceSentCopy() throws Exception {
        List<String> committedBeforeSend = new CopyOnWriteArrayList<>();
        fixture.channel.onSend = node -> {
            if (node.tag().equals("message")) {
                String id = node.attrs().string("id");
                fixture.store.sentMessage(BOB, id).ifPresent(m -> committedBeforeSend.add(id));
            }
        };
        CompletableFuture<SendResult> sent = fixture.messaging.sendText(BOB, "hello bob");
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == 1);
        Node message = fixture.channel.sent("message").getFirst();
        String id = message.attrs().string("id");

        assertThat(id).startsWith("3EB0").hasSize(22);
        assertThat(message.attrs().string("to")).isEqualTo(BOB.toString());
        assertThat(message.attrs().string("type")).isEqualTo("text");
        assertThat(committedBeforeSend).containsExactly(id);
        List<Node> to = message.child("participants").orElseThrow().children("to");
        assertThat(to).extracting(t -> t.attrs().string("jid")).containsExactlyInAnyOrder(
                bobPhone.jid.toString(), bobWeb.jid.toString(), ownPhone.jid.toString(), ownTablet.jid.toString());
        assertThat(to).allSatisfy(t -> assertThat(t.child("enc").orElseThrow().attrs().string("type")).isEqualTo("pkmsg"));
        assertThat(message.child("device-identity").flatMap(Node::contentBytes).orElseThrow()).isEqualTo(Fixture.ACCOUNT);

        assertThat(bobPhone.decrypt(encFor(message, bobPhone)).getConversation()).isEqualTo("hello bob");
        assertThat(bobWeb.decrypt(encFor(message, bobWeb)).getConversation()).isEqualTo("hello bob");
        for (Fixture.Peer own : List.of(ownPhone, ownTablet)) {
            E2EProto.Message copy = own.decrypt(encFor(message, own));
            assertThat(copy.getDeviceSentMessage().getDestinationJid()).isEqualTo(BOB.toString());
            assertThat(copy.getDeviceSentMessage().getMessage().getConversation()).isEqualTo("hello bob");
        }
        assertThat(fixture.store.lidForPhone(BOB)).as("usync's LID is remembered").contains(BOB_LID);
        assertThat(fixture.store.deviceList(BOB).orElseThrow().deviceIds()).containsExactly(0, 1);
        assertThat(sent).isNotDone();

        fixture.messaging.onStanza(Node.builder("ack").attr("class", "message").attr("id", id).attr("from", BOB)
                .attr("t", 1_700_000_123L).build());
        assertThat(sent.get(5, TimeUnit.SECONDS)).isEqualTo(new SendResult(id, Instant.ofEpochSecond(1_700_000_123L)));
    }

    @Test
    void theNextSendUsesTheCachedDevicesAndSessionsAndAnErrorAckFailsIt() throws Exception {
        fixture.messaging.sendText(BOB, "first");
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == 1);
        int queries = fixture.channel.queries.size();
        assertThat(queries).as("one usync, one prekey fetch").isEqualTo(2);

        CompletableFuture<SendResult> second = fixture.messaging.sendText(BOB, "second");
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == 2);
        assertThat(fixture.channel.queries).hasSize(queries);
        Node message = fixture.channel.sent("message").get(1);
        assertThat(bobWeb.decrypt(encFor(fixture.channel.sent("message").getFirst(), bobWeb)).getConversation()).isEqualTo("first");
        assertThat(bobWeb.decrypt(encFor(message, bobWeb)).getConversation()).isEqualTo("second");

        fixture.messaging.onStanza(Node.builder("ack").attr("class", "message").attr("id", message.attrs().string("id"))
                .attr("from", BOB).attr("error", "479").build());
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SendException.Reason.SERVER_ERROR);
                    assertThat(e.code()).isEqualTo(479);
                });
    }

    @Test
    void sendsOfOneChatLeaveInOrder() {
        List<CompletableFuture<SendResult>> sends = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(fixture.messaging.sendText(BOB, "n" + i));
        }
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == 20);
        List<String> texts = fixture.channel.sent("message").stream()
                .map(m -> bobWeb.decrypt(encFor(m, bobWeb)).getConversation()).toList();
        assertThat(texts).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "n" + i).toList());
    }

    @Test
    void anUnknownUserHasNoDevicesAndADeviceJidIsNoRecipient() {
        CompletableFuture<SendResult> unknown = fixture.messaging.sendText(Jid.parse("15559999999@s.whatsapp.net"), "?");
        assertThatThrownBy(() -> unknown.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.reason()).isEqualTo(SendException.Reason.NO_DEVICES));
        CompletableFuture<SendResult> device = fixture.messaging.sendText(bobWeb.jid, "?");
        assertThatThrownBy(() -> device.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.reason()).isEqualTo(SendException.Reason.INVALID_RECIPIENT));
        assertThat(fixture.channel.sent("message")).isEmpty();
    }

    @Test
    void aSendWithoutAckFailsWhenTheConnectionIsLostOrTheAckTimesOut() {
        CompletableFuture<SendResult> lost = fixture.messaging.sendText(BOB, "lost");
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == 1);
        fixture.messaging.connectionLost();
        assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.reason()).isEqualTo(SendException.Reason.NOT_CONNECTED));

        try (Fixture quick = new Fixture(new MessagingConfig(Duration.ofMillis(50), Duration.ofMinutes(5), Duration.ofDays(1), 1000, Duration.ofDays(30)))) {
            quick.channel.answers = fixture.channel.answers;
            CompletableFuture<SendResult> late = quick.messaging.sendText(BOB, "late");
            assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.reason()).isEqualTo(SendException.Reason.TIMEOUT));
        }
    }

    @Test
    void markReadSendsOneReceiptListingTheOtherIds() throws Exception {
        fixture.messaging.markRead(BOB, null, "A", "B", "C").get(5, TimeUnit.SECONDS);
        Node receipt = fixture.channel.sent("receipt").getFirst();
        assertThat(receipt.attrs().string("type")).isEqualTo("read");
        assertThat(receipt.attrs().string("to")).isEqualTo(BOB.toString());
        assertThat(receipt.attrs().string("id")).isEqualTo("A");
        assertThat(receipt.attrs().has("participant")).isFalse();
        assertThat(receipt.child("list").orElseThrow().children("item")).extracting(i -> i.attrs().string("id"))
                .containsExactly("B", "C");
    }

    @Test
    void pruneForgetsSentMessagesAndBufferEntriesPastTheRetention() throws Exception {
        try (Fixture none = new Fixture(new MessagingConfig(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ZERO, 1000, Duration.ofDays(30)))) {
            none.channel.answers = fixture.channel.answers;
            none.messaging.send(BOB, withSecret("kept until pruned"));
            await().atMost(WITHIN).until(() -> none.channel.sent("message").size() == 1);
            String id = none.channel.sent("message").getFirst().attrs().string("id");
            byte[] hash = new byte[32];
            none.store.bufferPlaintext(new io.tryx.protocol.store.BufferedPlaintext(hash, new byte[] {1}, 1L,
                    System.currentTimeMillis() - 1));
            assertThat(none.store.sentMessage(BOB, id)).isPresent();
            var secret = new io.tryx.protocol.store.MessageRef(BOB, Fixture.OWN.toNonAd(), id);
            assertThat(none.store.storedSecret(secret)).isPresent();

            await().atMost(WITHIN).untilAsserted(() -> {
                none.messaging.prune();
                assertThat(none.store.sentMessage(BOB, id)).isEmpty();
                assertThat(none.store.bufferedPlaintext(hash)).isEmpty();
            });
            assertThat(none.store.storedSecret(secret)).as("message secrets have their own, longer retention").isPresent();
        }
    }

    @Test
    void pruneForgetsMessageSecretsPastTheirRetention() throws Exception {
        try (Fixture brief = new Fixture(MessagingConfig.defaults().withSecretRetention(Duration.ZERO))) {
            brief.channel.answers = fixture.channel.answers;
            brief.messaging.send(BOB, withSecret("a secret to forget"));
            await().atMost(WITHIN).until(() -> brief.channel.sent("message").size() == 1);
            String id = brief.channel.sent("message").getFirst().attrs().string("id");
            var secret = new io.tryx.protocol.store.MessageRef(BOB, Fixture.OWN.toNonAd(), id);
            assertThat(brief.store.storedSecret(secret)).isPresent();

            await().atMost(WITHIN).untilAsserted(() -> {
                brief.messaging.prune();
                assertThat(brief.store.storedSecret(secret)).isEmpty();
            });
            assertThat(brief.store.sentMessage(BOB, id)).as("sent messages keep their day").isPresent();
        }
    }

    private static E2EProto.Message withSecret(String text) {
        return E2EProto.Message.newBuilder().setConversation(text).setMessageContextInfo(E2EProto.MessageContextInfo
                .newBuilder().setMessageSecret(com.google.protobuf.ByteString.copyFrom(new byte[32]))).build();
    }

    static Node encFor(Node message, Fixture.Peer peer) {
        return message.child("participants").orElseThrow().children("to").stream()
                .filter(t -> t.attrs().string("jid").equals(peer.jid.toString())).findFirst().orElseThrow()
                .child("enc").orElseThrow();
    }
}
