package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.messaging.MessageEvent;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tryx.simulator.e2e.Linked.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Status updates through the simulator: our client posts a text status to two contacts (our second client and a
 * mock phone), both decrypt it (sender key distribution, then skmsg), a contact outside the audience gets nothing,
 * the revoke reaches them; a mock phone's status reaches our client in the chat {@code status@broadcast}.
 */
class ClientStatusTest {

    static final String ALICE = "15550008101";
    static final String BOB = "15550008102";
    static final String CAROL = "15550008103";
    static final String PHONE = "15550008104";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private Linked alice;
    private Linked bob;
    private Linked carol;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(ALICE, BOB, CAROL, PHONE)) {
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
    void aTextStatusReachesItsAudienceOnlyAndItsRevokeFollows() throws Exception {
        Jid bobUser = user(BOB);
        Jid phoneUser = user(PHONE);
        long started = System.nanoTime();
        SendResult posted = alice.client().status().postText("out hiking", 0xFF1E6E4F,
                E2EProto.Message.ExtendedTextMessage.FontType.SYSTEM_BOLD, List.of(bobUser, phoneUser)).get(20, TimeUnit.SECONDS);

        MessageEvent.MessageReceived atBob = awaitMessage(bob, posted.id());
        System.out.printf("text status at our second client in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(atBob.info().chat()).isEqualTo(Jid.STATUS_BROADCAST);
        assertThat(atBob.info().group()).isTrue();
        assertThat(atBob.info().sender().toNonAd()).isEqualTo(user(ALICE));
        assertThat(atBob.message().getExtendedTextMessage().getText()).isEqualTo("out hiking");
        assertThat(atBob.message().getExtendedTextMessage().getBackgroundArgb()).isEqualTo(0xFF1E6E4F);
        assertThat(atBob.message().getExtendedTextMessage().getFont())
                .isEqualTo(E2EProto.Message.ExtendedTextMessage.FontType.SYSTEM_BOLD);
        await("the mock phone decrypts the status").atMost(WITHIN).until(() -> inbox(PHONE).stream().anyMatch(m ->
                m.path("id").asText().equals(posted.id()) && m.path("chat").asText().equals("status@broadcast")
                        && m.path("text").asText().equals("out hiking")));
        await("Alice's own phone gets it too").atMost(WITHIN).until(() -> inbox(ALICE).stream()
                .anyMatch(m -> m.path("id").asText().equals(posted.id())));

        SendResult second = alice.client().status().postText("back home", 0xFF000000,
                E2EProto.Message.ExtendedTextMessage.FontType.SYSTEM, List.of(bobUser, phoneUser)).get(20, TimeUnit.SECONDS);
        awaitMessage(bob, second.id());

        alice.client().status().revoke(posted.id(), List.of(bobUser, phoneUser)).get(20, TimeUnit.SECONDS);
        await("Bob gets the revoke").atMost(WITHIN).until(() -> bob.received().stream().anyMatch(m ->
                m.info().chat().equals(Jid.STATUS_BROADCAST)
                        && m.message().getProtocolMessage().getType() == E2EProto.Message.ProtocolMessage.Type.REVOKE
                        && m.message().getProtocolMessage().getKey().getId().equals(posted.id())));
        await("the mock phone gets the revoke").atMost(WITHIN).until(() -> inbox(PHONE).stream().anyMatch(m ->
                m.path("chat").asText().equals("status@broadcast") && m.toString().contains(posted.id())
                        && !m.path("id").asText().equals(posted.id())));

        alice.client().sendText(user(CAROL), "not in the audience").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> carol.texts().contains("not in the audience"));
        assertThat(carol.textsIn(Jid.STATUS_BROADCAST)).as("Carol was not in the audience").isEmpty();
        assertThat(inbox(CAROL)).noneMatch(m -> m.path("chat").asText().equals("status@broadcast"));
        assertThat(bob.undecryptable()).isEmpty();
        assertThatThrownBy(() -> alice.client().status().postText("nobody", 0, E2EProto.Message.ExtendedTextMessage.FontType.SYSTEM,
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMockPhonesStatusReachesOurClient() {
        var posted = admin.post("/admin/accounts/" + PHONE + "/messages", Map.of("to", "status@broadcast", "type", "text",
                "text", "sunset", "audience", List.of(user(ALICE).toString())));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
        String id = posted.body().path("id").asText();
        MessageEvent.MessageReceived atAlice = awaitMessage(alice, id);
        assertThat(atAlice.info().chat()).isEqualTo(Jid.STATUS_BROADCAST);
        assertThat(atAlice.info().sender().toNonAd()).isEqualTo(user(PHONE));
        assertThat(atAlice.text()).isEqualTo("sunset");
        assertThat(admin.post("/admin/accounts/" + PHONE + "/messages", Map.of("to", "status@broadcast", "type", "text",
                "text", "x", "audience", List.of())).status()).isEqualTo(400);
        assertThat(alice.undecryptable()).isEmpty();
    }

    private List<JsonNode> inbox(String phone) {
        List<JsonNode> entries = new ArrayList<>();
        admin.get("/admin/accounts/" + phone + "/inbox").body().forEach(entries::add);
        return entries;
    }

    private static Jid user(String phone) {
        return Jid.parse(phone + "@s.whatsapp.net");
    }

    private static MessageEvent.MessageReceived awaitMessage(Linked linked, String id) {
        await().atMost(WITHIN).until(() -> linked.received().stream().anyMatch(m -> m.info().id().equals(id)));
        return linked.received().stream().filter(m -> m.info().id().equals(id)).findFirst().orElseThrow();
    }
}
