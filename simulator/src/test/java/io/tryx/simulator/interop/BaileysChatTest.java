package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static io.tryx.simulator.interop.BaileysPeers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two unmodified Baileys 7 clients, each linked by QR to its own account, exchange 1:1 end-to-end encrypted
 * texts through the simulator: usync device lists with LIDs, prekey bundles, pkmsg then msg, delivery and read
 * receipts back to the sender.
 */
class BaileysChatTest {

    static final String PHONE_A = "15550002221";
    static final String PHONE_B = "15550002222";
    static final Duration WITHIN = BaileysPeers.WITHIN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaileysPeers peers;
    private Simulator simulator;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers();
        simulator = peers.simulator;
        admin = peers.admin;
    }

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void twoBaileysClientsExchangeTextsWithReceipts(@TempDir Path authA, @TempDir Path authB) throws Exception {
        try (NodeScript a = peers.account(PHONE_A, authA); NodeScript b = peers.account(PHONE_B, authB)) {
            long started = System.nanoTime();
            send(a, PHONE_B + "@s.whatsapp.net", "hello from A");
            JsonNode first = awaitText(b, "hello from A");
            System.out.printf("Baileys A -> B first message (usync, prekeys, pkmsg) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(first.path("from").asText()).contains(PHONE_A);
            String firstId = first.path("id").asText();
            await("delivery receipt at A\n" + a).atMost(WITHIN).until(() -> status(a, firstId) >= 3);

            b.send(JSON.writeValueAsString(Map.of("cmd", "read", "key", first.path("key"))));
            await("read receipt at A\n" + a).atMost(WITHIN).until(() -> status(a, firstId) >= 4);

            started = System.nanoTime();
            send(b, PHONE_A + "@s.whatsapp.net", "hello back from B");
            JsonNode reply = awaitText(a, "hello back from B");
            System.out.printf("Baileys B -> A reply in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(reply.path("from").asText()).contains(PHONE_B);

            started = System.nanoTime();
            send(a, PHONE_B + "@s.whatsapp.net", "second from A");
            awaitText(b, "second from A");
            System.out.printf("Baileys A -> B second message (msg) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(a.count("error") + b.count("error")).as("%s\n%s", a, b).isZero();

            // B goes away; the next message waits in the server's offline queue until B logs in again
            b.send("{\"cmd\":\"stop\"}");
            assertThat(b.waitFor(10)).isTrue();
            await("B offline").atMost(WITHIN).until(() -> simulator.stats().connections() == 1);
            send(a, PHONE_B + "@s.whatsapp.net", "third while B is away");
            // at least the text; A's privacy token notification (Baileys issues one to B as it sends) may wait too
            await("queued for B").atMost(WITHIN).until(() -> simulator.queued(PHONE_B, 1) >= 1);
            started = System.nanoTime();
            try (NodeScript again = peers.start(authB)) {
                JsonNode offline = awaitText(again, "third while B is away");
                System.out.printf("Baileys B restarted: offline message delivered %d ms after start%n",
                        (System.nanoTime() - started) / 1_000_000);
                assertThat(offline.path("from").asText()).contains(PHONE_A);
                assertThat(again.count("qr")).isZero();
                assertThat(simulator.queued(PHONE_B, 1)).isZero();
            }
        }
    }

    @Test
    void mockPhoneAndBaileysExchangeTexts(@TempDir Path authB) throws Exception {
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE_A, "pushName", "Phone A")).status()).isEqualTo(201);
        try (NodeScript b = peers.account(PHONE_B, authB)) {
            long started = System.nanoTime();
            var sent = admin.post("/admin/accounts/" + PHONE_A + "/messages",
                    Map.of("to", PHONE_B + "@s.whatsapp.net", "text", "hello from phone A"));
            assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
            JsonNode received = awaitText(b, "hello from phone A");
            System.out.printf("mock phone A -> Baileys B in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(received.path("id").asText()).isEqualTo(sent.body().path("id").asText());
            assertThat(received.path("from").asText()).contains(PHONE_A);

            started = System.nanoTime();
            send(b, PHONE_A + "@s.whatsapp.net", "hello phone, from B");
            await("phone A inbox\n" + b).atMost(WITHIN).until(() ->
                    admin.get("/admin/accounts/" + PHONE_A + "/inbox").body().size() == 1);
            System.out.printf("Baileys B -> mock phone A inbox in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            JsonNode entry = admin.get("/admin/accounts/" + PHONE_A + "/inbox").body().get(0);
            assertThat(entry.path("text").asText()).isEqualTo("hello phone, from B");
            assertThat(entry.path("type").asText()).isEqualTo("text");
            assertThat(entry.path("from").asText()).startsWith(PHONE_B + ":1@");
            assertThat(entry.path("chat").asText()).isEqualTo(PHONE_B + "@s.whatsapp.net");

            send(b, PHONE_A + "@s.whatsapp.net", "second to phone");
            await("phone A inbox second\n" + b).atMost(WITHIN).until(() ->
                    admin.get("/admin/accounts/" + PHONE_A + "/inbox").body().size() == 2);
            String sentId = b.last("sent").orElseThrow().path("id").asText();
            await("delivery receipt from the phone\n" + b).atMost(WITHIN).until(() -> status(b, sentId) >= 3);
        }
    }
}
