package io.tryx.bridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the README promises a new user: the shaded jar's {@code demo} starts Kafka, the registry, the simulator and
 * the bridge and prints its ready line; {@code tail} in another process then shows the demo account's connection
 * and the friend's messages, decoded with the registry alone; {@code send} gets its result. Runs after
 * {@code package} (failsafe), against {@code bridge/target/tryx-bridge.jar}.
 */
class LauncherDemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(120);

    @Test
    void demoThenTailShowsEventsFlowingAndSendGetsItsResult(@TempDir Path data) throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        Process demo = jar(data, "demo").start();
        pump(demo, out);
        try {
            await("TRYX READY").atMost(WITHIN).until(() -> out.stream().anyMatch(l -> l.startsWith("TRYX READY ")));
            JsonNode ready = JSON.readTree(out.stream().filter(l -> l.startsWith("TRYX READY ")).findFirst().orElseThrow()
                    .substring("TRYX READY ".length()));
            String bridgeUrl = ready.path("statusUrl").asText();
            assertThat(ready.path("topicPrefix").asText()).isEqualTo("tryx");

            // the account's own phone sends it up to three peer messages (key share, history) before the friend writes
            List<JsonNode> records = new ArrayList<>();
            await("a message from the friend through tail").atMost(WITHIN).until(() -> {
                records.clear();
                records.addAll(tail(data, bridgeUrl, "events.messages", 4));
                return records.stream().anyMatch(LauncherDemoIT::fromTheFriend);
            });
            assertThat(tail(data, bridgeUrl, "events.connection", 2)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.path("schema").asText()).isEqualTo("io.tryx.events.v1.ConnectionEvent"));
            JsonNode message = records.stream().filter(LauncherDemoIT::fromTheFriend).findFirst().orElseThrow();
            assertThat(message.path("value").path("content").path("text").asText()).startsWith("Hello from the demo phone");

            List<String> sent = run(data, "send", "--account", "15550000001", "--to", "15550000002", "--text", "hi",
                    "--bridge-url", bridgeUrl);
            JsonNode result = JSON.readTree(sent.stream().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
            assertThat(result.path("status").path("@type").asText()).isEqualTo("CommandSucceeded");
            assertThat(result.path("status").path("messageId").asText()).isNotBlank();
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo stops on SIGTERM").isTrue();
        }
    }

    private static List<JsonNode> tail(Path data, String bridgeUrl, String topics, int records) throws Exception {
        List<JsonNode> decoded = new ArrayList<>();
        for (String line : run(data, "tail", "--from-beginning", "--topics", topics, "--max-records",
                Integer.toString(records), "--bridge-url", bridgeUrl)) {
            if (line.startsWith("{")) {
                decoded.add(JSON.readTree(line));
            }
        }
        return decoded;
    }

    /** A message in the chat with the demo friend (the account's own phone also sends it key shares and history). */
    private static boolean fromTheFriend(JsonNode record) {
        return record.path("schema").asText().equals("io.tryx.events.v1.MessageEvent")
                && record.path("value").path("chat").asText().equals("15550000002@s.whatsapp.net");
    }

    private static ProcessBuilder jar(Path data, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtryx.apicurio.home=" + System.getProperty("tryx.apicurio.home"), "-jar",
                System.getProperty("tryx.bridge.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TRYX_DATA_DIR", data.toString());
        builder.environment().put("TRYX_HTTP_PORT", "0");
        return builder;
    }

    private static List<String> run(Path data, String... args) throws IOException, InterruptedException {
        Process process = jar(data, args).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        }
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return lines;
    }

    private static void pump(Process process, List<String> out) {
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(out::add);
            } catch (IOException e) {
                out.add("stdout closed: " + e);
            }
        });
    }
}
