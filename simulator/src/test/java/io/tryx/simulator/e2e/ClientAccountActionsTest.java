package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.appstate.AccountActions;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
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
 * The push name and address book in app state between our client and its mock phone: what our client writes
 * ({@code setting_pushName} in {@code critical_block}, {@code contact} in {@code critical_unblock_low}) lands on the
 * phone verified, with both sides on the same version and LTHash; what the phone writes arrives as typed events.
 */
class ClientAccountActionsTest {

    static final String OURS = "15550009101";
    static final Jid BOB = Jid.parse("15550009102@s.whatsapp.net");
    static final Jid CAROL = Jid.parse("15550009103@s.whatsapp.net");
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
    void thePushNameAndContactsOurClientWritesLandOnThePhoneWithTheSameLtHash() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        Linked ours = peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= COLLECTIONS);
        AccountActions account = ours.client().accountActions();

        account.setPushName("Tryx Desk").join();
        account.saveContact(BOB, "Bob Builder", "Bob").join();
        account.saveContact(CAROL, "Carol", null).join();
        account.removeContact(CAROL).join();

        await().atMost(Linked.WITHIN).until(() -> peers.inStepWithPhone("critical_block")
                && peers.inStepWithPhone("critical_unblock_low"));
        assertThat(peers.phoneView("critical_block").get("errors")).isEmpty();
        assertThat(peers.phoneView("critical_unblock_low").get("errors")).isEmpty();
        JsonNode pushName = peers.phoneEntry("critical_block", List.of("setting_pushName"));
        assertThat(pushName.get("value").get("pushNameSetting").get("name").asText()).isEqualTo("Tryx Desk");
        assertThat(pushName.get("actionVersion").asInt()).isEqualTo(1);
        JsonNode bob = peers.phoneEntry("critical_unblock_low", List.of("contact", BOB.toString()));
        assertThat(bob.get("value").get("contactAction").get("fullName").asText()).isEqualTo("Bob Builder");
        assertThat(bob.get("value").get("contactAction").get("firstName").asText()).isEqualTo("Bob");
        assertThat(bob.get("actionVersion").asInt()).isEqualTo(2);
        assertThat(peers.phoneEntry("critical_unblock_low", List.of("contact", CAROL.toString())))
                .as("removed from the address book").isNull();

        assertThat(peers.events(ChatSyncEvent.PushName.class)).extracting(ChatSyncEvent.PushName::name)
                .containsExactly("Tryx Desk");
        assertThat(peers.events(ChatSyncEvent.Contact.class)).extracting(c -> c.contact() + " " + c.fullName())
                .containsExactly(BOB + " Bob Builder", CAROL + " Carol");
        assertThatThrownBy(() -> account.saveContact(Jid.parse("120363000000000099@g.us"), "A group", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> account.setPushName(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePushNameAndContactsThePhoneWritesArriveAsEvents() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= COLLECTIONS);

        peers.phoneMutates(Map.of("action", "pushName", "value", "Phone Name"));
        peers.phoneMutates(Map.of("action", "contact", "chat", BOB.toString(), "fullName", "Robert", "firstName", "Rob"));

        await().atMost(Linked.WITHIN).until(() -> !peers.events(ChatSyncEvent.PushName.class).isEmpty()
                && !peers.events(ChatSyncEvent.Contact.class).isEmpty());
        assertThat(peers.events(ChatSyncEvent.PushName.class).getFirst().name()).isEqualTo("Phone Name");
        ChatSyncEvent.Contact contact = peers.events(ChatSyncEvent.Contact.class).getFirst();
        assertThat(contact.contact()).isEqualTo(BOB);
        assertThat(contact.fullName()).isEqualTo("Robert");
        assertThat(contact.firstName()).isEqualTo("Rob");
        await().atMost(Linked.WITHIN).until(() -> peers.inStepWithPhone("critical_unblock_low"));
    }
}
