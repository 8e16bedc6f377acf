package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unmodified Baileys 7 clients over TLS ({@code wss} chat, HTTPS media host, trusting the simulator's
 * certificate through {@code NODE_EXTRA_CA_CERTS}) send media to each other: {@code media_conn}, an encrypted
 * upload checked against its token, the message with direct path and keys, then the receiver's download and
 * decryption (MAC and hashes checked by Baileys) give back the sender's exact bytes.
 */
class BaileysMediaTest {

    static final String PHONE_A = "15550003331";
    static final String PHONE_B = "15550003332";
    static final Duration WITHIN = BaileysPeers.WITHIN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaileysPeers peers;
    private Simulator simulator;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers(new SimulatorConfig("127.0.0.1", 0, 0, 0, true, InstantSource.system()));
        simulator = peers.simulator;
    }

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void baileysSendsADocumentAndAnImageThatTheOtherDownloadsAndDecrypts(@TempDir Path authA, @TempDir Path authB)
            throws Exception {
        assertThat(simulator.chatUrl()).startsWith("wss://");
        try (NodeScript a = peers.account(PHONE_A, authA); NodeScript b = peers.account(PHONE_B, authB)) {
            await("history blobs of both links").atMost(WITHIN).until(() -> simulator.bootstrapped() == 2);
            long before = simulator.media().count();
            byte[] document = new byte[300_000];
            new SecureRandom().nextBytes(document);
            long started = System.nanoTime();
            a.send(JSON.writeValueAsString(Map.of("cmd", "send-media", "to", PHONE_B + "@s.whatsapp.net", "kind", "document",
                    "base64", Base64.getEncoder().encodeToString(document), "mimetype", "application/pdf",
                    "fileName", "report.pdf")));
            JsonNode received = awaitMedia(b, "document");
            System.out.printf("Baileys document 300 kB A -> B (upload, send, download, decrypt) in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(received.path("sha256").asText()).isEqualTo(sha256(document));
            assertThat(received.path("size").asInt()).isEqualTo(document.length);
            assertThat(received.path("fileName").asText()).isEqualTo("report.pdf");
            assertThat(received.path("mimetype").asText()).isEqualTo("application/pdf");

            byte[] image = new byte[40_000];
            new SecureRandom().nextBytes(image);
            b.send(JSON.writeValueAsString(Map.of("cmd", "send-media", "to", PHONE_A + "@s.whatsapp.net", "kind", "image",
                    "base64", Base64.getEncoder().encodeToString(image), "mimetype", "image/jpeg", "caption", "a picture")));
            JsonNode picture = awaitMedia(a, "image");
            assertThat(picture.path("sha256").asText()).isEqualTo(sha256(image));
            assertThat(picture.path("caption").asText()).isEqualTo("a picture");

            assertThat(simulator.media().count() - before).isEqualTo(2);
            assertThat(a.count("error") + b.count("error") + a.count("media-error") + b.count("media-error"))
                    .as("%s\n%s", a, b).isZero();
        }
    }

    private static JsonNode awaitMedia(NodeScript client, String kind) {
        await(kind + " received\n" + client).atMost(WITHIN).until(() -> client.events().stream().anyMatch(e ->
                e.path("event").asText().startsWith("media") && (e.has("message") || e.path("kind").asText().equals(kind))));
        return client.events().stream().filter(e -> e.path("event").asText().startsWith("media")).reduce((x, y) -> y)
                .filter(e -> e.path("event").asText().equals("media"))
                .orElseThrow(() -> new AssertionError("media download failed: " + client));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
