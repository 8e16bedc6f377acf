package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.messaging.InboundStats;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inbound backpressure through the simulator: a listener that cannot keep up (it waits for the test's permits) and a
 * burst of mock phone texts; once the account's queued inbound work reaches the limit the client stops reading its
 * socket, the queue never grows past the limit, and when the listener catches up every text arrives, in order.
 */
class ClientBackpressureTest {

    static final String BOB = "15550009991";
    static final String ALICE = "15550009992";
    static final int LIMIT = 4;
    static final int BURST = 24;
    static final Duration WITHIN = Duration.ofSeconds(30);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(BOB, ALICE)) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void aSlowListenerPausesReadingAtTheLimitAndStillGetsEveryMessageInOrder() {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        var client = clients.client(new InMemoryAccountStore("bob"), events, messages, ClientHarness.config(),
                MessagingConfig.defaults().withInboundLimit(LIMIT), Clock.systemUTC());
        Semaphore permits = new Semaphore(0);
        List<String> handled = new CopyOnWriteArrayList<>();
        List<Integer> queuedSeen = new CopyOnWriteArrayList<>();
        client.addMessageListener(event -> {
            if (event instanceof MessageEvent.MessageReceived received && received.text().startsWith("burst ")) {
                queuedSeen.add(client.messaging().inboundStats().queued());
                permits.acquireUninterruptibly();
                handled.add(received.text());
            }
        });
        Linked bob = Linked.link(admin, BOB, client, events, messages);
        int device = bob.connected().jid().device();
        await().atMost(WITHIN).until(() -> simulator.bootstrapped() == 1 && simulator.unacknowledged(BOB, device) == 0);

        List<String> burst = new ArrayList<>();
        for (int i = 1; i <= BURST; i++) {
            String text = "burst " + i;
            assertThat(admin.post("/admin/accounts/" + ALICE + "/messages", Map.of("to", BOB + "@s.whatsapp.net",
                    "text", text)).status()).isEqualTo(200);
            burst.add(text);
        }
        // the listener holds the first text: the backlog fills to the limit and the socket is no longer read
        await().atMost(WITHIN).until(() -> client.messaging().inboundStats().paused());
        InboundStats stalled = client.messaging().inboundStats();
        assertThat(stalled.queued()).isEqualTo(LIMIT);
        assertThat(handled).isEmpty();
        assertThat(simulator.unacknowledged(BOB, device)).as("the server still holds what the client did not take")
                .isGreaterThan(LIMIT);

        long started = System.nanoTime();
        permits.release(BURST);
        await().atMost(WITHIN).until(() -> handled.size() == BURST);
        System.out.printf("backpressure: %d texts through a backlog of %d in %d ms after the listener caught up, %d pauses%n",
                BURST, LIMIT, (System.nanoTime() - started) / 1_000_000, client.messaging().inboundStats().pauses());
        assertThat(handled).containsExactlyElementsOf(burst);
        InboundStats after = client.messaging().inboundStats();
        assertThat(after.peak()).isLessThanOrEqualTo(LIMIT);
        assertThat(queuedSeen).allSatisfy(q -> assertThat(q).isLessThanOrEqualTo(LIMIT));
        assertThat(after.pauses()).isGreaterThanOrEqualTo(1);
        await().atMost(WITHIN).until(() -> !client.messaging().inboundStats().paused()
                && client.messaging().inboundStats().queued() == 0);
        assertThat(bob.undecryptable()).isEmpty();
        await().atMost(WITHIN).until(() -> simulator.unacknowledged(BOB, device) == 0);
    }
}
