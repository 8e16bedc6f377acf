package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientRuntime;
import io.tryx.protocol.client.FibonacciBackoff;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.store.InMemoryStoreBackend;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.transport.TransportConfig;
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
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One {@link ClientRuntime} hosts many accounts on a fixed set of threads: twenty accounts pair, connect and
 * receive a text each, and the JVM has no more threads with twenty accounts than it had with five.
 */
class ClientRuntimeTest {

    private static final int ACCOUNTS = 20;
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private Simulator simulator;
    private AdminClient admin;
    private final StoreBackend stores = new InMemoryStoreBackend();

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void manyAccountsShareAFixedSetOfThreadsAndEachReceivesItsMessages() {
        int threadsAfterFive = 0;
        ClientRuntime.Settings defaults = ClientRuntime.Settings.of(TransportConfig.builder().uri(simulator.chatUrl())
                .trustedRoot(simulator.rootPublicKey()).build());
        ClientRuntime.Settings settings = new ClientRuntime.Settings(defaults.transport(), defaults.keepAlive(),
                defaults.client().withBackoff(new FibonacciBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.1,
                        RandomGenerator.of("L64X128MixRandom"))), defaults.messaging(), 2, 2);
        try (ClientRuntime runtime = new ClientRuntime(settings, Clock.systemUTC())) {
            List<List<MessageEvent>> inboxes = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                String phone = "1555010" + String.format("%04d", i);
                assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + i)).status()).isEqualTo(201);
                List<ClientEvent> events = new CopyOnWriteArrayList<>();
                List<MessageEvent> messages = new CopyOnWriteArrayList<>();
                WhatsAppClient client = runtime.newClient(stores.open(phone));
                client.addListener(events::add);
                client.addMessageListener(messages::add);
                client.start();
                await().atMost(WITHIN).until(() -> events.stream().anyMatch(ClientEvent.QrCode.class::isInstance));
                String qr = events.stream().filter(ClientEvent.QrCode.class::isInstance)
                        .map(e -> ((ClientEvent.QrCode) e).qr()).findFirst().orElseThrow();
                assertThat(admin.post("/admin/accounts/" + phone + "/scan-qr", Map.of("qr", qr)).status()).isEqualTo(200);
                await().atMost(WITHIN).until(() -> events.stream().anyMatch(ClientEvent.PreKeysUploaded.class::isInstance));
                inboxes.add(messages);
                if (i == 4) {
                    threadsAfterFive = Thread.activeCount();
                }
            }
            assertThat(simulator.stats().connections()).isEqualTo(ACCOUNTS);
            assertThat(Thread.activeCount()).as("threads with %d accounts vs with 5", ACCOUNTS)
                    .isLessThanOrEqualTo(threadsAfterFive + 1);

            for (int i = 0; i < ACCOUNTS; i++) {
                String phone = "1555010" + String.format("%04d", i);
                String sender = "1555010" + String.format("%04d", (i + 1) % ACCOUNTS);
                assertThat(admin.post("/admin/accounts/" + sender + "/messages",
                        Map.of("to", phone + "@s.whatsapp.net", "text", "hello " + i)).status()).isEqualTo(200);
            }
            for (int i = 0; i < ACCOUNTS; i++) {
                List<MessageEvent> inbox = inboxes.get(i);
                String expected = "hello " + i;
                await().atMost(WITHIN).until(() -> inbox.stream().anyMatch(e ->
                        e instanceof MessageEvent.MessageReceived m && m.text().equals(expected)));
            }
            assertThat(runtime.clients()).hasSize(ACCOUNTS);
        }
        await().atMost(WITHIN).until(() -> simulator.stats().connections() == 0);
    }
}
