package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unmodified Baileys 7 client pairs with the simulator by QR, restarts on 515, logs in and reaches
 * {@code open}; restarted with the same saved auth state it logs in again without a QR; against a server
 * that never linked it, its login is refused with 401; its logout unlinks the device. Baileys waits 60 s
 * for any IQ the server leaves unanswered on its way to open, so the 30 s bound below proves none was.
 */
class BaileysPairsByQrTest {

    private static final String PHONE = "15550001111";
    private static final Duration OPEN_WITHIN = Duration.ofSeconds(30);

    private Simulator simulator;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        NodeScript.home();
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void baileysPairsByQrReachesOpenAndLogsInAgainWithSavedAuthState(@TempDir Path auth) throws Exception {
        var created = admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Sim Phone"));
        assertThat(created.status()).isEqualTo(201);
        String lid = created.body().path("lid").asText();

        long started = System.nanoTime();
        try (NodeScript baileys = client(auth)) {
            await("QR from Baileys\n" + baileys).atMost(OPEN_WITHIN).until(() -> baileys.last("qr").isPresent());
            var scanned = admin.post("/admin/accounts/" + PHONE + "/scan-qr",
                    Map.of("qr", baileys.last("qr").orElseThrow().path("qr").asText()));
            assertThat(scanned.status()).as("%s", scanned.body()).isEqualTo(200);
            assertThat(scanned.body().path("jid").asText()).isEqualTo(PHONE + ":1@s.whatsapp.net");

            await("open after pairing\n" + baileys).atMost(OPEN_WITHIN).until(() -> baileys.last("open").isPresent());
            long openMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Baileys: connect -> QR -> pair -> 515 -> login -> open in %d ms%n", openMillis);
            JsonNode pair = baileys.last("pair-success").orElseThrow();
            assertThat(pair.path("jid").asText()).isEqualTo(PHONE + ":1@s.whatsapp.net");
            assertThat(baileys.last("restart").orElseThrow().path("code").asInt()).isEqualTo(515);
            JsonNode open = baileys.last("open").orElseThrow();
            assertThat(open.path("jid").asText()).isEqualTo(PHONE + ":1@s.whatsapp.net");
            assertThat(open.path("lid").asText()).isEqualTo(lid.replace("@lid", ":1@lid"));
            assertThat(baileys.count("close")).as("%s", baileys).isZero();

            JsonNode stats = admin.get("/admin/stats").body();
            assertThat(stats.path("accounts").asInt()).isEqualTo(1);
            assertThat(stats.path("devices").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/admin/stats").body().path("connections").asInt() == 1);
            // 812 uploaded; the phone took one to start its session for the app-state key share and history
            await("prekeys uploaded, phone greeted the companion").atMost(Duration.ofSeconds(10)).until(() ->
                    simulator.bootstrapped() == 1 && simulator.accounts().findDevice(PHONE, 1).orElseThrow().preKeyCount() == 811);

            baileys.send("{\"cmd\":\"stop\"}");
            assertThat(baileys.waitFor(10)).isTrue();
        }

        long restarted = System.nanoTime();
        try (NodeScript again = client(auth)) {
            await("open with saved auth state\n" + again).atMost(OPEN_WITHIN).until(() -> again.last("open").isPresent());
            System.out.printf("Baileys: login with saved state -> open in %d ms%n", (System.nanoTime() - restarted) / 1_000_000);
            assertThat(again.count("qr")).isZero();
            assertThat(again.last("open").orElseThrow().path("jid").asText()).isEqualTo(PHONE + ":1@s.whatsapp.net");
            assertThat(simulator.stats().devices()).isEqualTo(1);
            again.send("{\"cmd\":\"stop\"}");
            assertThat(again.waitFor(10)).isTrue();
        }

        // a server that never linked this device refuses the login: Baileys reports 401 (logged out)
        simulator.close();
        simulator = Simulator.start(SimulatorConfig.defaults());
        try (NodeScript stranger = client(auth)) {
            await("close 401 from a server that does not know the device\n" + stranger).atMost(OPEN_WITHIN)
                    .until(() -> stranger.last("close").isPresent());
            assertThat(stranger.last("close").orElseThrow().path("code").asInt()).isEqualTo(401);
            assertThat(stranger.count("open")).isZero();
        }
    }

    @Test
    void baileysLogoutUnlinksItsDevice(@TempDir Path auth) {
        admin.post("/admin/accounts", Map.of("phone", PHONE));
        try (NodeScript baileys = client(auth)) {
            await("QR from Baileys\n" + baileys).atMost(OPEN_WITHIN).until(() -> baileys.last("qr").isPresent());
            assertThat(admin.post("/admin/accounts/" + PHONE + "/scan-qr",
                    Map.of("qr", baileys.last("qr").orElseThrow().path("qr").asText())).status()).isEqualTo(200);
            await("open\n" + baileys).atMost(OPEN_WITHIN).until(() -> baileys.last("open").isPresent());
            assertThat(simulator.stats().devices()).isEqualTo(1);

            baileys.send("{\"cmd\":\"logout\"}");
            await("device unlinked\n" + baileys).atMost(OPEN_WITHIN).until(() -> simulator.stats().devices() == 0);
            await("close after logout\n" + baileys).atMost(OPEN_WITHIN).until(() -> baileys.last("close").isPresent());
            assertThat(baileys.last("close").orElseThrow().path("code").asInt()).isEqualTo(401);
            await("connection gone\n" + baileys).atMost(OPEN_WITHIN).until(() -> simulator.stats().connections() == 0);
        }
    }

    @Test
    void baileysLinksWithAPairCodeTypedOnThePhone(@TempDir Path auth) {
        admin.post("/admin/accounts", Map.of("phone", PHONE));
        try (NodeScript baileys = NodeScript.start("baileys-client.mjs", "--url", simulator.chatUrl(),
                "--root", simulator.rootPublicKeyBase64(), "--auth", auth.toString(), "--pair-code", PHONE)) {
            // failure messages describe the client when the wait gave up, not when it began
            await().atMost(OPEN_WITHIN).untilAsserted(() ->
                    assertThat(baileys.last("pair-code")).as("pair code from Baileys\n%s", baileys).isPresent());
            String code = baileys.last("pair-code").orElseThrow().path("code").asText();
            var typed = admin.post("/admin/accounts/" + PHONE + "/link-code", Map.of("code", code));
            assertThat(typed.status()).as("%s\n%s", typed.body(), baileys).isEqualTo(200);
            await().atMost(OPEN_WITHIN).untilAsserted(() ->
                    assertThat(baileys.last("open")).as("open after pair code\n%s", baileys).isPresent());
            assertThat(baileys.last("open").orElseThrow().path("jid").asText()).isEqualTo(PHONE + ":1@s.whatsapp.net");
            assertThat(simulator.stats().devices()).isEqualTo(1);
        }
    }

    private NodeScript client(Path auth) {
        return NodeScript.start("baileys-client.mjs", "--url", simulator.chatUrl(),
                "--root", simulator.rootPublicKeyBase64(), "--auth", auth.toString());
    }
}
