package io.tryx.simulator.e2e;

import com.google.protobuf.ByteString;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.SendException;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tryx.simulator.e2e.Linked.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Encrypted reactions ({@code encReactionMessage}) between our clients through the simulator: the reactor encrypts
 * with the target's message secret, the author (and every member who saw the target) reads a plain reaction; the
 * server and anyone without the secret see only ciphertext.
 */
class ClientEncryptedReactionsTest {

    static final String ALICE = "15550007301";
    static final String BOB = "15550007302";
    static final String CAROL = "15550007303";

    private Simulator simulator;
    private ClientHarness clients;
    private Linked alice;
    private Linked bob;
    private Linked carol;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        AdminClient admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(ALICE, BOB, CAROL)) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
        alice = Linked.link(clients, admin, ALICE, new InMemoryAccountStore("alice"));
        bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        carol = Linked.link(clients, admin, CAROL, new InMemoryAccountStore("carol"));
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void anEncryptedReactionToAOneToOneMessageReadsAsAPlainReactionAtTheAuthor() throws Exception {
        Jid aliceUser = alice.connected().jid().toNonAd();
        Jid bobUser = bob.connected().jid().toNonAd();
        SendResult target = alice.client().messaging().send(bobUser, withSecret("Dinner at eight?")).get(20, TimeUnit.SECONDS);
        awaitMessage(bob, target.id());

        SendResult sent = bob.client().messaging().reactEncrypted(aliceUser, aliceUser, target.id(), "🔥").get(20, TimeUnit.SECONDS);

        E2EProto.Message.ReactionMessage reaction = awaitMessage(alice, sent.id()).message().getReactionMessage();
        assertThat(reaction.getText()).isEqualTo("🔥");
        assertThat(reaction.getKey().getId()).isEqualTo(target.id());
        assertThat(reaction.getKey().getFromMe()).as("written from Bob's side: Alice's message is not his").isFalse();
        assertThat(reaction.getSenderTimestampMs()).isPositive();
        assertThat(alice.undecryptable()).isEmpty();
    }

    @Test
    void membersWhoSawTheTargetReadAGroupEncryptedReactionAndItsRemoval() throws Exception {
        Jid aliceUser = alice.connected().jid().toNonAd();
        GroupInfo group = alice.client().groups().create("Announcements",
                List.of(bob.connected().jid().toNonAd(), carol.connected().jid().toNonAd())).get(20, TimeUnit.SECONDS);
        SendResult target = alice.client().messaging().send(group.jid(), withSecret("Meeting moved to Friday"))
                .get(20, TimeUnit.SECONDS);
        awaitMessage(bob, target.id());
        awaitMessage(carol, target.id());

        SendResult reacted = bob.client().messaging().reactEncrypted(group.jid(), aliceUser, target.id(), "👍")
                .get(20, TimeUnit.SECONDS);
        for (Linked reader : List.of(alice, carol)) {
            MessageEvent.MessageReceived read = awaitMessage(reader, reacted.id());
            assertThat(read.message().getReactionMessage().getText()).isEqualTo("👍");
            assertThat(read.message().getReactionMessage().getKey().getParticipant()).isEqualTo(aliceUser.toString());
            assertThat(read.info().sender().toNonAd()).isEqualTo(bob.connected().jid().toNonAd());
        }

        SendResult removed = bob.client().messaging().reactEncrypted(group.jid(), aliceUser, target.id(), "")
                .get(20, TimeUnit.SECONDS);
        assertThat(awaitMessage(alice, removed.id()).message().getReactionMessage().getText()).isEmpty();
    }

    @Test
    void aReactionToAMessageWithoutAKnownSecretFailsAsUnknownTarget() throws Exception {
        Jid aliceUser = alice.connected().jid().toNonAd();
        Jid bobUser = bob.connected().jid().toNonAd();
        SendResult plain = alice.client().messaging().sendText(bobUser, "no secret here").get(20, TimeUnit.SECONDS);
        awaitMessage(bob, plain.id());

        assertThatThrownBy(() -> bob.client().messaging().reactEncrypted(aliceUser, aliceUser, plain.id(), "🔥")
                .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(SendException.class)
                .satisfies(e -> assertThat(((SendException) e).reason()).isEqualTo(SendException.Reason.UNKNOWN_TARGET));
        bob.client().messaging().react(aliceUser, aliceUser, plain.id(), "🙂").get(20, TimeUnit.SECONDS);
        await("the plain reaction still works").atMost(WITHIN).until(() -> alice.received().stream()
                .anyMatch(m -> m.message().getReactionMessage().getText().equals("🙂")));
    }

    private static E2EProto.Message withSecret(String text) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return E2EProto.Message.newBuilder().setConversation(text).setMessageContextInfo(
                E2EProto.MessageContextInfo.newBuilder().setMessageSecret(ByteString.copyFrom(secret))).build();
    }

    private static MessageEvent.MessageReceived awaitMessage(Linked linked, String id) {
        await().atMost(WITHIN).until(() -> linked.received().stream().anyMatch(m -> m.info().id().equals(id)));
        return linked.received().stream().filter(m -> m.info().id().equals(id)).findFirst().orElseThrow();
    }
}
