package io.tryx.bridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeStarter;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.MiniBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher part of {@code tryx run} with the {@link MiniBridge} as the runtime (the real runtime is not on this
 * branch): configuration handed to the starter, the ready line, the status endpoints and metrics while it runs, and a
 * clean close on the stop signal.
 */
@ExtendWith(KafkaExtension.class)
class RunCommandTest {

    private final KafkaTestEnvironment env;

    @TempDir
    Path dir;

    RunCommandTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @Test
    void runPrintsOneReadyLineServesStatusAndClosesOnStop() throws Exception {
        String prefix = "run" + UUID.randomUUID().toString().substring(0, 8);
        List<BridgeConfig> configs = new CopyOnWriteArrayList<>();
        List<MiniBridge> started = new CopyOnWriteArrayList<>();
        BridgeStarter starter = (config, meters) -> {
            configs.add(config);
            MiniBridge bridge = MiniBridge.start(config, meters);
            started.add(bridge);
            return bridge;
        };
        CliHarness cli = new CliHarness(dir, Map.of("TRYX_KAFKA_BOOTSTRAP_SERVERS", env.bootstrapServers(),
                "TRYX_SCHEMA_REGISTRY_URL", env.registryUrl()), Optional.of(starter));

        CompletableFuture<Integer> exit = cli.start("run", "--topic-prefix", prefix, "--http-port", "0",
                "--data-dir", "state", "--store", "memory");
        await().atMost(Duration.ofSeconds(60)).until(() -> cli.out().contains("\n"));

        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith(ReadyLine.PREFIX);
        JsonNode ready = new ObjectMapper().readTree(lines.getFirst().substring(ReadyLine.PREFIX.length()));
        assertThat(ready.get("bootstrapServers").asText()).isEqualTo(env.bootstrapServers());
        assertThat(ready.get("schemaRegistryUrl").asText()).isEqualTo(env.registryUrl());
        assertThat(ready.get("topicPrefix").asText()).isEqualTo(prefix);
        URI statusUrl = URI.create(ready.get("statusUrl").asText());
        assertThat(statusUrl.getHost()).isEqualTo("127.0.0.1");

        BridgeConfig config = configs.getFirst();
        assertThat(config.kafka().embedded()).isFalse();
        assertThat(config.dataDir()).isEqualTo(dir.resolve("state"));
        assertThat(Files.isDirectory(config.dataDir())).isTrue();

        try (HttpClient http = HttpClient.newHttpClient()) {
            assertThat(get(http, statusUrl.resolve("/ready")).statusCode()).isEqualTo(200);
            String metrics = get(http, statusUrl.resolve("/metrics")).body();
            assertThat(metrics).contains("jvm_memory_used_bytes").contains("process_uptime_seconds");

            CliHarness accounts = new CliHarness(dir);
            assertThat(accounts.run("accounts", "add", "15551112222", "--bridge-url", statusUrl.toString()))
                    .as(accounts.err()).isZero();
            assertThat(get(http, statusUrl.resolve("/api/accounts")).body()).contains("15551112222@s.whatsapp.net");
            // the QR code appears on the terminal (stderr) in half blocks
            await().atMost(Duration.ofSeconds(10)).until(() -> cli.err().contains("Link a device to link 15551112222@s.whatsapp.net"));
            assertThat(cli.err()).contains("▀");
        }

        cli.stop();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(started.getFirst().closed()).isTrue();
        assertThat(cli.out().lines().count()).isEqualTo(1);
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
