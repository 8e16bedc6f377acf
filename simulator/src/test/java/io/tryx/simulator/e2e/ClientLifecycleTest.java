package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientSession;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.protocol.jid.Jid;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Our client's lifecycle against the in-process simulator: QR pairing, 515, login, prekeys, logout, replace. */
class ClientLifecycleTest {

    private static final String PHONE = "15550001111";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Alice")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void pairsByQrRestartsLogsInUploadsPreKeysThenLogsInAgainWithoutQr() {
        InMemoryAccountStore store = new InMemoryAccountStore("test");
        ClientHarness.PreKeys preKeys = new ClientHarness.PreKeys();
        Linked linked = pair(store, preKeys);

        assertThat(linked.credentials.deviceJid()).isEqualTo(linked.connected.jid());
        assertThat(linked.connected.jid().user()).isEqualTo(PHONE);
        assertThat(linked.connected.jid().device()).isPositive();
        assertThat(linked.connected.lid().server()).isEqualTo("lid");
        assertThat(linked.connected.lid().device()).isEqualTo(linked.connected.jid().device());
        String simulatorLid = admin.get("/admin/accounts/" + PHONE).body().get("devices").get(0).get("lid").asText();
        assertThat(linked.connected.lid()).isEqualTo(Jid.parse(simulatorLid));
        assertThat(simulator.stats().devices()).isEqualTo(1);
        // 812 uploaded; the phone took one to start its session for the app-state key share and history
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.bootstrapped() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                simulator.accounts().findDevice(PHONE, linked.connected.jid().device()).orElseThrow().preKeyCount())
                .isEqualTo(811));
        await().atMost(Duration.ofSeconds(10)).until(() -> linked.events.contains(new ClientEvent.PreKeysUploaded(812)));
        var uploaded = simulator.accounts().findDevice(PHONE, linked.connected.jid().device()).orElseThrow().keys();
        assertThat(uploaded.registrationId()).isEqualTo(linked.credentials.registrationId());
        assertThat(uploaded.identity()).isEqualTo(linked.credentials.identity().publicKey().publicKey());
        assertThat(uploaded.signedPreKey().publicKey()).isEqualTo(linked.credentials.signedPreKey().keyPair().publicKey());
        assertThat(uploaded.preKeys()).hasSize(811).allSatisfy(k ->
                assertThat(preKeys.keys.get(k.id()).keyPair().publicKey()).isEqualTo(k.publicKey()));

        linked.session.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().connections() == 0);

        List<ClientEvent> again = new CopyOnWriteArrayList<>();
        ClientSession second = clients.session(store, again);
        second.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> again.stream().anyMatch(ClientEvent.Connected.class::isInstance));
        assertThat(again).noneMatch(e -> e instanceof ClientEvent.QrCode || e instanceof ClientEvent.PairSuccess);
        assertThat(again).contains(new ClientEvent.Connected(linked.connected.jid(), linked.connected.lid()));
        assertThat(simulator.stats().connections()).isEqualTo(1);
        // still 811 on the server: no second upload
        assertThat(simulator.accounts().findDevice(PHONE, linked.connected.jid().device()).orElseThrow().preKeyCount())
                .isEqualTo(811);
    }

    @Test
    void pairsByCodeTypedOnThePhone() throws Exception {
        InMemoryAccountStore store = new InMemoryAccountStore("test");
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        ClientSession session = clients.session(store, events);
        session.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ClientEvent.QrCode.class::isInstance));

        String code = session.requestPairCode(PHONE).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(code).hasSize(8);
        AdminClient.Answer typed = admin.post("/admin/accounts/" + PHONE + "/pair-code", Map.of("code", code));
        assertThat(typed.status()).as(typed.body().toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ClientEvent.Connected.class::isInstance));
        ClientEvent.Connected connected = events.stream().filter(ClientEvent.Connected.class::isInstance)
                .map(ClientEvent.Connected.class::cast).findFirst().orElseThrow();
        assertThat(connected.jid().toString()).isEqualTo(typed.body().get("jid").asText());
        assertThat(events.stream().filter(ClientEvent.QrCode.class::isInstance)).hasSize(1);
        assertThat(simulator.stats().devices()).isEqualTo(1);
    }

    @Test
    void unlinkingFromThePhoneLogsOutAndWipesCredentials() {
        InMemoryAccountStore store = new InMemoryAccountStore("test");
        Linked linked = pair(store);

        AdminClient.Answer removed = admin.delete("/admin/accounts/" + PHONE + "/devices/" + linked.connected.jid().device());
        assertThat(removed.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> linked.events.stream().anyMatch(ClientEvent.LoggedOut.class::isInstance));
        assertThat(store.load()).isEmpty();
        assertThat(linked.session.state()).isEqualTo(ClientSession.State.STOPPED);
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().connections() == 0);
        assertThat(simulator.stats().devices()).isZero();
        assertThat(linked.events.getLast()).isInstanceOf(ClientEvent.LoggedOut.class);
    }

    @Test
    void aSecondLoginOfTheSameDeviceReplacesTheFirstWhichDoesNotReconnect() {
        InMemoryAccountStore store = new InMemoryAccountStore("test");
        Linked linked = pair(store);

        InMemoryAccountStore elsewhere = new InMemoryAccountStore("test");
        elsewhere.save(store.load().orElseThrow());
        List<ClientEvent> other = new CopyOnWriteArrayList<>();
        clients.session(elsewhere, other).start();

        await().atMost(Duration.ofSeconds(10)).until(() -> linked.events.contains(new ClientEvent.StreamReplaced()));
        await().atMost(Duration.ofSeconds(10)).until(() -> other.stream().anyMatch(ClientEvent.Connected.class::isInstance));
        assertThat(linked.session.state()).isEqualTo(ClientSession.State.STOPPED);
        assertThat(store.load()).as("a replaced session keeps its credentials").isPresent();
        assertThat(linked.events.getLast()).isEqualTo(new ClientEvent.StreamReplaced());
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().connections() == 1);
    }

    @Test
    void aDroppedConnectionReconnectsWithBackoffAndConnectsAgain() throws Exception {
        InMemoryAccountStore store = new InMemoryAccountStore("test");
        pair(store).session.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().connections() == 0);

        try (TcpProxy proxy = new TcpProxy(simulator.port());
             ClientHarness viaProxy = new ClientHarness("ws://127.0.0.1:" + proxy.port() + "/ws/chat", simulator.rootPublicKey())) {
            List<ClientEvent> events = new CopyOnWriteArrayList<>();
            ClientSession session = viaProxy.session(store, events);
            session.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> count(events, ClientEvent.Connected.class) == 1);

            proxy.dropAll();

            await().atMost(Duration.ofSeconds(10)).until(() -> count(events, ClientEvent.Connected.class) == 2);
            ClientEvent.Disconnected dropped = events.stream().filter(ClientEvent.Disconnected.class::isInstance)
                    .map(ClientEvent.Disconnected.class::cast).findFirst().orElseThrow();
            assertThat(dropped.reconnectIn()).isNotNull().isPositive().isLessThanOrEqualTo(Duration.ofMillis(110));
            assertThat(events.stream().map(e -> e.getClass().getSimpleName()).toList())
                    .containsSubsequence("Connected", "Disconnected", "Connected");
            assertThat(session.state()).isEqualTo(ClientSession.State.CONNECTED);
            assertThat(store.load()).isPresent();
        }
    }

    @Test
    void faultInjectionEndsTheStreamAndTheClientComesBack() {
        Linked linked = pair(new InMemoryAccountStore("test"));
        String disconnect = "/admin/devices/" + linked.connected.jid() + "/disconnect";

        // a silent drop, a 515 restart and a 503 each bring the session back to Connected
        int connectedBefore = (int) count(linked.events, ClientEvent.Connected.class);
        for (Object fault : List.of(Map.of(), Map.of("streamError", 515), Map.of("streamError", 503))) {
            AdminClient.Answer answer = admin.post(disconnect, fault);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            int expected = ++connectedBefore;
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count(linked.events, ClientEvent.Connected.class) == expected);
        }
        assertThat(linked.session.state()).isEqualTo(ClientSession.State.CONNECTED);

        linked.session.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().connections() == 0);
        assertThat(admin.post(disconnect, Map.of()).status()).isEqualTo(404);
        assertThat(admin.post("/admin/devices/1:x@s.whatsapp.net/disconnect", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aForcedStreamError401LogsTheDeviceOut() {
        Linked linked = pair(new InMemoryAccountStore("test"));
        AdminClient.Answer answer = admin.post("/admin/devices/" + linked.connected.jid() + "/disconnect",
                Map.of("streamError", 401));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> linked.events.stream().anyMatch(ClientEvent.LoggedOut.class::isInstance));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().connections() == 0);
        assertThat(count(linked.events, ClientEvent.Connected.class)).isEqualTo(1);
    }

    private static long count(List<ClientEvent> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    record Linked(ClientSession session, List<ClientEvent> events, ClientEvent.Connected connected,
                  DeviceCredentials credentials) {
    }

    /** Starts a session, scans its QR with the account's phone, waits for Connected. */
    Linked pair(InMemoryAccountStore store) {
        return pair(store, new ClientHarness.PreKeys());
    }

    Linked pair(InMemoryAccountStore store, ClientHarness.PreKeys preKeys) {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        ClientSession session = clients.session(store, preKeys, events);
        session.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ClientEvent.QrCode.class::isInstance));
        String qr = events.stream().filter(ClientEvent.QrCode.class::isInstance).map(e -> ((ClientEvent.QrCode) e).qr())
                .findFirst().orElseThrow();
        AdminClient.Answer scan = admin.post("/admin/accounts/" + PHONE + "/scan-qr", Map.of("qr", qr));
        assertThat(scan.status()).as(scan.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ClientEvent.Connected.class::isInstance));
        ClientEvent.Connected connected = events.stream().filter(ClientEvent.Connected.class::isInstance)
                .map(ClientEvent.Connected.class::cast).findFirst().orElseThrow();
        assertThat(events.stream().map(e -> e.getClass().getSimpleName()).toList())
                .startsWith("QrCode", "PairSuccess", "Connected");
        assertThat(scan.body().get("jid").asText()).isEqualTo(connected.jid().toString());
        return new Linked(session, events, connected, store.load().orElseThrow());
    }
}
