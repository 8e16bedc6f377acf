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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Offline sync through the simulator: messages queued while our client was offline are announced by the server's
 * offline preview, delivered, and closed by the offline marker; the client reports the preview first, then every
 * message, then the completion.
 */
class ClientOfflineSyncTest {

    static final String BOB = "15550008881";
    static final String ALICE = "15550008882";
    static final String CAROL = "15550008883";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(BOB, ALICE, CAROL)) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void messagesQueuedWhileOfflineComeBetweenThePreviewAndTheCompletion() {
        InMemoryAccountStore store = new InMemoryAccountStore("bob");
        Linked bob = Linked.link(clients, admin, BOB, store);
        int device = bob.connected().jid().device();
        await().atMost(WITHIN).until(() -> simulator.bootstrapped() == 1 && simulator.unacknowledged(BOB, device) == 0);
        bob.client().close();
        await().atMost(WITHIN).until(() -> simulator.stats().connections() == 0);

        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            for (String phone : List.of(ALICE, CAROL)) {
                String text = phone + " #" + i;
                assertThat(admin.post("/admin/accounts/" + phone + "/messages", Map.of("to", BOB + "@s.whatsapp.net",
                        "text", text)).status()).isEqualTo(200);
                sent.add(text);
            }
        }
        await().atMost(WITHIN).until(() -> simulator.queued(BOB, device) == sent.size());

        // one journal for both kinds of events, in the order the listeners saw them
        List<String> journal = new CopyOnWriteArrayList<>();
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        WhatsAppClient back = clients.client(store, events, new CopyOnWriteArrayList<>());
        back.addListener(event -> {
            switch (event) {
                case ClientEvent.OfflineSyncPreview preview -> journal.add("preview " + preview.total() + " " + preview.messages());
                case ClientEvent.OfflineSyncCompleted completed -> journal.add("completed " + completed.count());
                default -> { }
            }
        });
        back.addMessageListener(event -> {
            if (event instanceof MessageEvent.MessageReceived received && !received.info().category().equals("peer")) {
                journal.add(received.text());
            }
        });
        long started = System.nanoTime();
        back.start();
        await().atMost(WITHIN).until(() -> journal.stream().anyMatch(e -> e.startsWith("completed")));
        System.out.printf("offline sync of %d messages: preview to completion %d ms after start%n", sent.size(),
                (System.nanoTime() - started) / 1_000_000);

        assertThat(journal.getFirst()).isEqualTo("preview " + sent.size() + " " + sent.size());
        assertThat(journal.getLast()).isEqualTo("completed " + sent.size());
        List<String> texts = journal.subList(1, journal.size() - 1);
        assertThat(texts).containsExactlyInAnyOrderElementsOf(sent);
        for (String phone : List.of(ALICE, CAROL)) {
            assertThat(texts.stream().filter(t -> t.startsWith(phone)).toList())
                    .as("each chat in its order").containsExactlyElementsOf(sent.stream().filter(t -> t.startsWith(phone)).toList());
        }
        assertThat(simulator.queued(BOB, device)).isZero();
    }
}
