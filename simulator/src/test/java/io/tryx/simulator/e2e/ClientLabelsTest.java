package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.client.appstate.Labels;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Labels in app state between our client and its mock phone: labels and label associations the phone makes arrive as
 * typed events; labels our client creates, edits, deletes and puts on chats and messages land on the phone, verified,
 * with both sides on the same version and LTHash of the {@code regular} collection.
 */
class ClientLabelsTest {

    static final String OURS = "15550008901";
    static final Jid BOB = Jid.parse("15550008902@s.whatsapp.net");
    static final Jid GROUP = Jid.parse("120363000000000099@g.us");
    static final int COLLECTIONS = 5;

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey(), List.of(simulator.tlsCertificate()));
        assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void labelsMadeOnThePhoneArriveAsEventsBeforeAndAfterLinking() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        peers.phoneMutates(Map.of("action", "labelEdit", "labelId", "1", "name", "New customer", "color", 3));
        peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= COLLECTIONS);
        assertThat(peers.events(ChatSyncEvent.LabelEdit.class)).singleElement().satisfies(edit -> {
            assertThat(edit.labelId()).isEqualTo("1");
            assertThat(edit.name()).isEqualTo("New customer");
            assertThat(edit.color()).isEqualTo(3);
            assertThat(edit.deleted()).isFalse();
            assertThat(edit.meta().collection()).isEqualTo("regular");
            assertThat(edit.meta().fullSync()).isTrue();
        });

        peers.phoneMutates(Map.of("action", "labelChat", "labelId", "1", "chat", BOB.toString()));
        peers.phoneMutates(Map.of("action", "labelMessage", "labelId", "1", "chat", BOB.toString(), "messageId", "3EB0LBL"));
        peers.phoneMutates(Map.of("action", "labelEdit", "labelId", "1", "name", "New customer", "color", 3, "deleted", true));
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.LabelEdit.class).size() == 2
                && !peers.events(ChatSyncEvent.LabelMessage.class).isEmpty());
        assertThat(peers.events(ChatSyncEvent.LabelChat.class)).singleElement().satisfies(chat -> {
            assertThat(chat.chat()).isEqualTo(BOB);
            assertThat(chat.labeled()).isTrue();
            assertThat(chat.meta().fullSync()).isFalse();
        });
        assertThat(peers.events(ChatSyncEvent.LabelMessage.class)).singleElement()
                .satisfies(m -> assertThat(m.messageId()).isEqualTo("3EB0LBL"));
        assertThat(peers.events(ChatSyncEvent.LabelEdit.class).getLast().deleted()).isTrue();
        await().atMost(Linked.WITHIN).until(() -> peers.inStepWithPhone("regular"));
    }

    @Test
    void labelsOurClientMakesLandOnThePhoneWithTheSameLtHash() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        Linked ours = peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= COLLECTIONS);
        Labels labels = ours.client().labels();

        long started = System.nanoTime();
        labels.save("7", "Paid", 5).join();
        System.out.printf("label created (patch stored) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        labels.labelChat("7", BOB, true).join();
        labels.labelChat("7", GROUP, true).join();
        labels.labelChat("7", GROUP, false).join();
        labels.labelMessage("7", BOB, "3EB0PAID", true).join();
        labels.save("7", "Paid in full", 6).join();
        labels.save("8", "Gone", 1).join();
        labels.delete("8", "Gone", 1).join();

        await().atMost(Linked.WITHIN).until(() -> peers.inStepWithPhone("regular"));
        assertThat(peers.phoneView("regular").get("errors")).isEmpty();
        JsonNode edit = peers.phoneEntry("regular", List.of("label_edit", "7"));
        assertThat(edit.get("value").get("labelEditAction").get("name").asText()).isEqualTo("Paid in full");
        assertThat(edit.get("value").get("labelEditAction").get("color").asInt()).isEqualTo(6);
        assertThat(edit.get("actionVersion").asInt()).isEqualTo(3);
        assertThat(peers.phoneEntry("regular", List.of("label_edit", "8")).get("value").get("labelEditAction")
                .get("deleted").asBoolean()).isTrue();
        assertThat(peers.phoneEntry("regular", List.of("label_jid", "7", BOB.toString())).get("value")
                .get("labelAssociationAction").get("labeled").asBoolean()).isTrue();
        assertThat(peers.phoneEntry("regular", List.of("label_jid", "7", GROUP.toString())).get("value")
                .get("labelAssociationAction").path("labeled").asBoolean(true)).isFalse();
        assertThat(peers.phoneEntry("regular", List.of("label_message", "7", BOB.toString(), "3EB0PAID", "0", "0")))
                .isNotNull();
        assertThat(peers.ourVersion("regular")).isEqualTo(8);
        assertThat(peers.events(ChatSyncEvent.LabelChat.class)).extracting(ChatSyncEvent.LabelChat::labeled)
                .containsExactly(true, true, false);
        assertThatThrownBy(() -> labels.save(" ", "x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
