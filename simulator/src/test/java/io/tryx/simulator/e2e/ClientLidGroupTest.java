package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupParticipant;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.ReceiptType;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our clients in a LID-addressed group (created through the admin API with {@code "addressingMode": "lid"}): they
 * send under their LIDs and receive from the members' LID devices, and the members' mock phones read along.
 */
class ClientLidGroupTest {

    static final String ALICE = "15550005551";
    static final String BOB = "15550005552";
    static final String CAROL = "15550005553";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private Linked alice;
    private Linked bob;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(ALICE, BOB, CAROL)) {
            AdminClient.Answer created = admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        }
        alice = Linked.link(clients, admin, ALICE, new InMemoryAccountStore("alice"));
        bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void ourClientsSendToAndReceiveFromALidGroup() throws Exception {
        AdminClient.Answer created = admin.post("/admin/groups", Map.of("creator", ALICE, "subject", "Lid team",
                "participants", List.of(BOB, CAROL), "addressingMode", "lid"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.body().get("addressingMode").asText()).isEqualTo("lid");
        Jid group = Jid.parse(created.body().get("jid").asText());

        GroupInfo info = bob.client().groups().metadata(group).get(20, TimeUnit.SECONDS);
        assertThat(info.lidAddressed()).isTrue();
        GroupParticipant carolAsMember = info.participant(lidOf(CAROL)).orElseThrow();
        assertThat(carolAsMember.jid()).isEqualTo(lidOf(CAROL));
        assertThat(carolAsMember.lid()).isEqualTo(lidOf(CAROL));
        assertThat(carolAsMember.phoneNumber()).isEqualTo(user(CAROL));
        assertThat(info.participant(user(CAROL))).as("found by phone number too").contains(carolAsMember);

        SendResult hello = alice.client().sendText(group, "hello lid team").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.textsIn(group).contains("hello lid team"));
        MessageEvent.MessageReceived atBob = bob.received().getLast();
        assertThat(atBob.info().id()).isEqualTo(hello.id());
        assertThat(atBob.info().sender().toNonAd()).isEqualTo(lidOf(ALICE));
        assertThat(atBob.info().senderAlt().toNonAd()).isEqualTo(user(ALICE));
        await("Carol's and Bob's mock phones decrypt it").atMost(WITHIN)
                .until(() -> inboxTexts(CAROL).contains("hello lid team") && inboxTexts(BOB).contains("hello lid team"));
        await("delivery receipts from the members' LID devices").atMost(WITHIN).until(() -> alice.receiptsOf(hello.id())
                .contains(ReceiptType.DELIVERY));

        SendResult reply = bob.client().sendText(group, "hi from bob").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> alice.textsIn(group).contains("hi from bob"));
        MessageEvent.MessageReceived atAlice = alice.received().getLast();
        assertThat(atAlice.info().id()).isEqualTo(reply.id());
        assertThat(atAlice.info().sender().toNonAd()).isEqualTo(lidOf(BOB));
        await().atMost(WITHIN).until(() -> inboxTexts(CAROL).contains("hi from bob"));

        alice.client().sendText(group, "second").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.textsIn(group).contains("second") && inboxTexts(CAROL).contains("second"));
        assertThat(alice.undecryptable()).isEmpty();
        assertThat(bob.undecryptable()).isEmpty();
        assertThat(simulator.phones().phone(simulator.accounts().find(CAROL).orElseThrow()).failures()).isEmpty();
    }

    private Jid lidOf(String phone) {
        return Jid.parse(admin.get("/admin/accounts/" + phone).body().get("lid").asText());
    }

    private static Jid user(String phone) {
        return Jid.parse(phone + "@s.whatsapp.net");
    }

    private List<String> inboxTexts(String phone) {
        List<String> texts = new ArrayList<>();
        for (JsonNode entry : admin.get("/admin/accounts/" + phone + "/inbox").body()) {
            texts.add(entry.path("text").asText());
        }
        return texts;
    }
}
