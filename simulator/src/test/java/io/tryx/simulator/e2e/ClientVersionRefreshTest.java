package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientSession;
import io.tryx.protocol.client.ClientVersionSource;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.login.ClientVersion;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The announced client version against the simulator's minimum: an outdated client is refused with 405 and stops;
 * a client refreshing its version from the simulator's {@code sw.js} announces the current version and links; when
 * the server later raises the minimum, the refused reconnect refreshes again and logs in.
 */
class ClientVersionRefreshTest {

    static final String BOB = "15550006661";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        assertThat(admin.post("/admin/accounts", Map.of("phone", BOB, "pushName", "Bob")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void anOutdatedClientGets405AndARefreshingClientLogsInWithTheServersVersion() {
        ClientVersion minimum = new ClientVersion(2, 3000, ClientVersion.DEFAULT.tertiary() + 1000);
        AdminClient.Answer config = admin.post("/admin/config", Map.of("minVersion", minimum.toString()));
        assertThat(config.status()).as("%s", config.body()).isEqualTo(200);
        assertThat(config.body().get("webVersion").asText()).isEqualTo(minimum.toString());

        List<ClientEvent> outdatedEvents = new CopyOnWriteArrayList<>();
        ClientSession outdated = clients.session(new InMemoryAccountStore("outdated"), outdatedEvents);
        outdated.start();
        await().atMost(WITHIN).until(() -> outdatedEvents.contains(new ClientEvent.LoginFailed("405")));
        assertThat(outdated.state()).isEqualTo(ClientSession.State.STOPPED);
        assertThat(outdatedEvents).noneMatch(ClientEvent.QrCode.class::isInstance);

        ClientVersionSource source = new ClientVersionSource(ClientVersionSource.jdkHttp(Duration.ofSeconds(5)),
                URI.create(simulator.adminUrl() + "/sw.js"), Duration.ZERO);
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        WhatsAppClient client = clients.client(new InMemoryAccountStore("bob"), events, messages,
                ClientHarness.config().withVersionSource(source), MessagingConfig.defaults(), Clock.systemUTC());
        Linked bob = Linked.link(admin, BOB, client, events, messages);
        assertThat(client.session().version()).isEqualTo(minimum);

        // the service moves on while we are connected: the next login is refused, refreshes and gets in
        ClientVersion newer = new ClientVersion(2, 3000, minimum.tertiary() + 500);
        assertThat(admin.post("/admin/config", Map.of("minVersion", newer.toString())).status()).isEqualTo(200);
        assertThat(admin.post("/admin/devices/" + bob.connected().jid() + "/disconnect", Map.of()).status()).isEqualTo(200);
        await().atMost(WITHIN).until(() -> events.stream().filter(ClientEvent.Connected.class::isInstance).count() == 2);
        assertThat(client.session().version()).isEqualTo(newer);
        assertThat(events).noneMatch(ClientEvent.LoginFailed.class::isInstance);
    }
}
