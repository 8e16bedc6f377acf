package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientSession;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Our client over {@code wss}: it links and logs in when it trusts the simulator's certificate, and not otherwise. */
class ClientOverTlsTest {

    private static final String PHONE = "15550004441";
    private Simulator simulator;
    private AdminClient admin;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(new SimulatorConfig("127.0.0.1", 0, 0, 0, true, InstantSource.system()));
        admin = new AdminClient(simulator.adminUrl());
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Tls")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aClientTrustingTheCertificateLinksAndLogsInOverWss() {
        assertThat(simulator.chatUrl()).startsWith("wss://");
        try (ClientHarness clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey(),
                List.of(simulator.tlsCertificate()))) {
            List<ClientEvent> events = new CopyOnWriteArrayList<>();
            ClientSession session = clients.session(new InMemoryAccountStore("tls"), events);
            session.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ClientEvent.QrCode.class::isInstance));
            String qr = events.stream().filter(ClientEvent.QrCode.class::isInstance).map(e -> ((ClientEvent.QrCode) e).qr())
                    .findFirst().orElseThrow();
            assertThat(admin.post("/admin/accounts/" + PHONE + "/scan-qr", Map.of("qr", qr)).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ClientEvent.Connected.class::isInstance));
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateNeverGetsAQr() {
        try (ClientHarness clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey())) {
            List<ClientEvent> events = new CopyOnWriteArrayList<>();
            clients.session(new InMemoryAccountStore("untrusting"), events).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(ClientEvent.Disconnected.class::isInstance));
            assertThat(events).noneMatch(ClientEvent.QrCode.class::isInstance);
            assertThat(simulator.stats().connections()).isZero();
        }
    }
}
