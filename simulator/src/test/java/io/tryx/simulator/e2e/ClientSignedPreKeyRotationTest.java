package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.MutableClock;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.account.PreKeyUpload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed prekey rotation against the simulator: once the key is older than the rotation period the client uploads a
 * new one ({@code <rotate><skey/>}), the server serves it in bundles, a session a mock phone builds afterwards uses it
 * and decrypts, a pkmsg built on the old key before the rotation (held back by the server) still decrypts after it,
 * and replaced keys are pruned once their successor is older than the retention.
 */
class ClientSignedPreKeyRotationTest {

    static final String BOB = "15550007771";
    static final String CAROL = "15550007772";
    static final String DAVE = "15550007773";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(BOB, CAROL, DAVE)) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void afterRotationNewSessionsUseTheNewKeyAndAnOldInFlightPkmsgStillDecrypts() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        InMemoryAccountStore store = new InMemoryAccountStore("bob");
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        Linked bob = Linked.link(admin, BOB, clients.client(store, events, messages, ClientHarness.config(),
                MessagingConfig.defaults(), clock), events, messages);
        int first = store.load().orElseThrow().signedPreKey().id();
        assertThat(serverSignedPreKey().id()).isEqualTo(first);
        assertThat(bob.client().session().rotateSignedPreKeyIfDue().get(20, TimeUnit.SECONDS)).as("a fresh key is not due").isFalse();

        // Carol's phone builds its session on the current key; the server holds the pkmsg back from Bob's companion
        // (once Bob's own phone finished greeting it: the fault drops the next message, which must be Carol's)
        int device = bob.connected().jid().device();
        await().atMost(WITHIN).until(() -> simulator.bootstrapped() == 1 && simulator.unacknowledged(BOB, device) == 0);
        assertThat(admin.post("/admin/devices/" + bob.connected().jid() + "/faults", Map.of("dropMessages", 1)).status())
                .isEqualTo(200);
        assertThat(admin.post("/admin/accounts/" + CAROL + "/messages", Map.of("to", BOB + "@s.whatsapp.net",
                "text", "built on the old key")).status()).isEqualTo(200);
        await().atMost(WITHIN).until(() -> simulator.unacknowledged(BOB, device) == 1);
        assertThat(bob.texts()).doesNotContain("built on the old key");

        clock.advance(Duration.ofDays(8));
        long started = System.nanoTime();
        assertThat(bob.client().session().rotateSignedPreKeyIfDue().get(20, TimeUnit.SECONDS)).isTrue();
        System.out.printf("signed prekey rotation (store, upload, switch) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        var rotated = store.load().orElseThrow().signedPreKey();
        assertThat(rotated.id()).isNotEqualTo(first);
        assertThat(rotated.timestampMillis()).isEqualTo(clock.millis());
        assertThat(events).contains(new ClientEvent.SignedPreKeyRotated(rotated.id()));
        PreKeyUpload.SignedPreKey served = serverSignedPreKey();
        assertThat(served.id()).isEqualTo(rotated.id());
        assertThat(served.publicKey()).isEqualTo(rotated.keyPair().publicKey());
        assertThat(store.signedPreKey(first)).as("the old key is kept for in-flight pkmsgs").isPresent();

        // a session built after the rotation uses the new key
        assertThat(admin.post("/admin/accounts/" + DAVE + "/messages", Map.of("to", BOB + "@s.whatsapp.net",
                "text", "built on the new key")).status()).isEqualTo(200);
        await().atMost(WITHIN).until(() -> bob.texts().contains("built on the new key"));

        // the held-back pkmsg on the old key arrives after a reconnect and still decrypts
        assertThat(admin.post("/admin/devices/" + bob.connected().jid() + "/disconnect", Map.of()).status()).isEqualTo(200);
        await().atMost(WITHIN).until(() -> bob.texts().contains("built on the old key"));
        assertThat(bob.undecryptable()).isEmpty();
        assertThat(events.stream().filter(ClientEvent.SignedPreKeyRotated.class::isInstance)).hasSize(1);

        // 31 days later: rotated again, and the first key (replaced 31 days ago) is pruned; the second stays
        // (the reconnect's own after-login check may get there first: either way exactly one more rotation happens)
        clock.advance(Duration.ofDays(31));
        bob.client().session().rotateSignedPreKeyIfDue().get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> events.stream().filter(ClientEvent.SignedPreKeyRotated.class::isInstance).count() == 2);
        int third = store.load().orElseThrow().signedPreKey().id();
        assertThat(third).isNotIn(first, rotated.id());
        assertThat(serverSignedPreKey().id()).isEqualTo(third);
        assertThat(store.signedPreKey(first)).isEmpty();
        assertThat(store.signedPreKey(rotated.id())).isPresent();
    }

    private PreKeyUpload.SignedPreKey serverSignedPreKey() {
        return simulator.accounts().find(BOB).orElseThrow().devices().getFirst().keys().signedPreKey();
    }
}
