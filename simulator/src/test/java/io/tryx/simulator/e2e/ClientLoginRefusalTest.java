package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tryx.simulator.e2e.Linked.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logins the server refuses: a temporary ban (402 with its reason code and expiry) stops our client with a
 * {@link ClientEvent.TemporaryBan} and keeps its credentials, so it logs in again once the ban is lifted; a locked
 * account (403, "main device gone") logs the device out and wipes its state.
 */
class ClientLoginRefusalTest {

    static final String OURS = "15550007401";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void aTemporaryBanStopsTheClientWithItsCodeAndExpiryAndLiftingItLetsItLogInAgain() {
        InMemoryAccountStore store = new InMemoryAccountStore("ours");
        Linked.link(clients, admin, OURS, store).client().close();

        var refused = admin.post("/admin/accounts/" + OURS + "/login-failure",
                Map.of("reason", 402, "code", 101, "expireSeconds", 3600));
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(200);
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        WhatsAppClient banned = clients.client(store, events, new CopyOnWriteArrayList<>());
        banned.start();
        await().atMost(WITHIN).until(() -> events.stream().anyMatch(ClientEvent.TemporaryBan.class::isInstance));
        assertThat(events).contains(new ClientEvent.TemporaryBan(101, Duration.ofHours(1)));
        assertThat(events).noneMatch(ClientEvent.Connected.class::isInstance);
        assertThat(store.load()).as("a ban keeps the credentials").isPresent();
        banned.close();

        assertThat(admin.delete("/admin/accounts/" + OURS + "/login-failure").status()).isEqualTo(200);
        List<ClientEvent> again = new CopyOnWriteArrayList<>();
        List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        clients.client(store, again, messages).start();
        await().atMost(WITHIN).until(() -> again.stream().anyMatch(ClientEvent.Connected.class::isInstance));
    }

    @Test
    void aLockedAccountLogsTheDeviceOutAndWipesItsState() {
        InMemoryAccountStore store = new InMemoryAccountStore("ours");
        Linked linked = Linked.link(clients, admin, OURS, store);
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        linked.client().addListener(events::add);

        var refused = admin.post("/admin/accounts/" + OURS + "/login-failure", Map.of("reason", 403));
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(200);
        assertThat(refused.body().path("disconnected").asInt()).isEqualTo(1);
        await().atMost(WITHIN).until(() -> events.stream().anyMatch(ClientEvent.LoggedOut.class::isInstance));
        assertThat(store.load()).as("logged out: state wiped").isEmpty();
        assertThat(admin.post("/admin/accounts/" + OURS + "/login-failure", Map.of("reason", 200)).status()).isEqualTo(400);
        assertThat(admin.post("/admin/accounts/15550000000/login-failure", Map.of("reason", 403)).status()).isEqualTo(404);
    }
}
