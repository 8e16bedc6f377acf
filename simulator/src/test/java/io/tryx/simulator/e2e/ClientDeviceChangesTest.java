package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.devices.DeviceEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.DeviceList;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our client follows the devices of its peers through the simulator: a device list notification updates its cached
 * list, a stale list is caught by the server's participant hash, and an identity change drops the sessions.
 */
class ClientDeviceChangesTest {

    static final String ALICE = "15550004441";
    static final String BOB = "15550004442";
    static final Duration WITHIN = Duration.ofSeconds(20);
    static final Jid BOB_USER = Jid.parse(BOB + "@s.whatsapp.net");

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private final InMemoryAccountStore aliceStore = new InMemoryAccountStore("alice");
    private final List<DeviceEvent> aliceDevices = new CopyOnWriteArrayList<>();
    private Linked alice;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        account(ALICE);
        account(BOB);
        alice = Linked.link(clients, admin, ALICE, aliceStore);
        alice.client().addDeviceListener(aliceDevices::add);
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void aPeersNewCompanionIsAnnouncedAndOurNextMessageReachesIt() throws Exception {
        alice.client().sendText(BOB_USER, "to the phone").get(20, TimeUnit.SECONDS);
        assertThat(aliceStore.deviceList(BOB_USER).orElseThrow().deviceIds()).containsExactly(0);

        Linked bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        int bobDevice = bob.connected().jid().device();
        await().atMost(WITHIN).until(() -> aliceDevices.stream().anyMatch(e -> e instanceof DeviceEvent.DeviceListChanged c
                && c.change() == DeviceEvent.Change.ADD && c.devices().contains(BOB_USER.withDevice(bobDevice))));
        DeviceEvent.DeviceListChanged added = (DeviceEvent.DeviceListChanged) aliceDevices.stream()
                .filter(DeviceEvent.DeviceListChanged.class::isInstance).findFirst().orElseThrow();
        assertThat(added.user()).isEqualTo(BOB_USER);
        assertThat(added.lid()).isEqualTo(lidOf(BOB));
        // the list was updated in place (its hash matched the server's), not merely dropped
        await().atMost(WITHIN).until(() -> aliceStore.deviceList(BOB_USER).orElseThrow().deviceIds().contains(bobDevice));
        assertThat(aliceStore.deviceList(BOB_USER).orElseThrow().isStale()).isFalse();

        String id = alice.client().sendText(BOB_USER, "to both").get(20, TimeUnit.SECONDS).id();
        await().atMost(WITHIN).until(() -> bob.texts().contains("to both"));
        assertThat(bob.received().getFirst().info().id()).isEqualTo(id);
        await().atMost(WITHIN).until(() -> texts(BOB).contains("to both"));
    }

    @Test
    void aStaleDeviceListIsCaughtByTheServersPhashAndTheNextMessageReachesTheNewDevice() throws Exception {
        alice.client().sendText(BOB_USER, "to the phone").get(20, TimeUnit.SECONDS);
        DeviceList cached = aliceStore.deviceList(BOB_USER).orElseThrow();
        Linked bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        int bobDevice = bob.connected().jid().device();
        await().atMost(WITHIN).until(() -> aliceStore.deviceList(BOB_USER).orElseThrow().deviceIds().contains(bobDevice));
        // as if the device notification had been lost: our client still believes bob has his phone only
        aliceStore.storeDeviceList(new DeviceList(BOB_USER, cached.deviceIds(), cached.keyIndex(), System.currentTimeMillis()));

        alice.client().sendText(BOB_USER, "missed").get(20, TimeUnit.SECONDS);
        // the server's ack named another participant hash: the list is marked stale before the send completes
        assertThat(aliceStore.deviceList(BOB_USER).orElseThrow().isStale()).isTrue();
        await().atMost(WITHIN).until(() -> texts(BOB).contains("missed"));

        alice.client().sendText(BOB_USER, "reached").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.texts().contains("reached"));
        assertThat(bob.texts()).doesNotContain("missed");
        assertThat(aliceStore.deviceList(BOB_USER).orElseThrow().deviceIds()).contains(0, bobDevice);
    }

    @Test
    void aPeersNewIdentityDropsOurSessionsAndOurNextMessageDecryptsAtItsPhone() throws Exception {
        alice.client().sendText(BOB_USER, "before").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> texts(BOB).contains("before"));
        admin.post("/admin/accounts/" + BOB + "/messages", Map.of("to", ALICE + "@s.whatsapp.net", "text", "hi"));
        await().atMost(WITHIN).until(() -> alice.texts().contains("hi"));

        AdminClient.Answer reset = admin.post("/admin/accounts/" + BOB + "/reset-identity", Map.of());
        assertThat(reset.status()).as("%s", reset.body()).isEqualTo(200);
        assertThat(reset.body().get("identity").asText()).isNotBlank();
        await().atMost(WITHIN).until(() -> aliceDevices.stream().anyMatch(e -> e instanceof DeviceEvent.IdentityChanged c
                && c.user().equals(BOB_USER)));
        DeviceEvent.IdentityChanged changed = (DeviceEvent.IdentityChanged) aliceDevices.stream()
                .filter(DeviceEvent.IdentityChanged.class::isInstance).findFirst().orElseThrow();
        assertThat(changed.lid()).isEqualTo(lidOf(BOB));

        alice.client().sendText(BOB_USER, "after").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> texts(BOB).contains("after"));
        var phone = simulator.phones().phone(simulator.accounts().find(BOB).orElseThrow());
        assertThat(phone.failures()).isEmpty();

        admin.post("/admin/accounts/" + BOB + "/messages", Map.of("to", ALICE + "@s.whatsapp.net", "text", "new phone"));
        await().atMost(WITHIN).until(() -> alice.texts().contains("new phone"));
        assertThat(alice.undecryptable()).isEmpty();
    }

    @Test
    void resetIdentityOfAnUnknownAccountIs404() {
        assertThat(admin.post("/admin/accounts/15559999999/reset-identity", Map.of()).status()).isEqualTo(404);
    }

    private void account(String phone) {
        AdminClient.Answer created = admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    }

    private Jid lidOf(String phone) {
        return Jid.parse(admin.get("/admin/accounts/" + phone).body().get("lid").asText());
    }

    private List<String> texts(String phone) {
        List<String> texts = new ArrayList<>();
        for (JsonNode entry : admin.get("/admin/accounts/" + phone + "/inbox").body()) {
            texts.add(entry.path("text").asText());
        }
        return texts;
    }
}
