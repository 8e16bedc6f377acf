package io.tryx.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code Main} on free ports prints exactly one JSON ready line and shuts down cleanly when told to stop. */
class MainReadyLineTest {

    @Test
    void printsOneJsonReadyLineAndStopsCleanly() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(
                new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8), stop))
                .execute("--host", "127.0.0.1", "--port", "0", "--admin-port", "0", "--media-port", "0"));

        await().atMost(Duration.ofSeconds(20)).until(() -> stdout.toString(StandardCharsets.UTF_8).endsWith("\n"));
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(1);
        JsonNode ready = new ObjectMapper().readTree(out);
        assertThat(ready.path("ws").asText()).matches("ws://127\\.0\\.0\\.1:[1-9][0-9]*/ws/chat");
        assertThat(ready.path("admin").asText()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
        assertThat(ready.path("media").asText()).matches("https://127\\.0\\.0\\.1:[1-9][0-9]*");
        assertThat(Base64.getDecoder().decode(ready.path("rootPublicKey").asText())).hasSize(32);
        assertThat(new AdminClient(ready.path("admin").asText()).get("/admin/stats").status()).isEqualTo(200);

        stop.countDown();
        assertThat(exit.get()).isZero();
    }

    @Test
    void withTlsTheChatEndpointIsWss() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(
                new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8), stop)).execute("--tls"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stdout.toString(StandardCharsets.UTF_8).endsWith("\n"));
        JsonNode ready = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        assertThat(ready.path("ws").asText()).matches("wss://127\\.0\\.0\\.1:[1-9][0-9]*/ws/chat");
        assertThat(new AdminClient(ready.path("admin").asText()).get("/admin/tls").body().path("certificatePem").asText())
                .startsWith("-----BEGIN CERTIFICATE-----");
        stop.countDown();
        assertThat(exit.get()).isZero();
    }
}
