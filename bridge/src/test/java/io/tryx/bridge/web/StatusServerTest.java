package io.tryx.bridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.client.CommandClient;
import io.tryx.bridge.qr.QrDecoding;
import io.tryx.bridge.registry.RegistryAuth;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.MiniBridge;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The status server over a {@link MiniBridge} on the real test Kafka: accounts come in as real AddAccount commands. */
@ExtendWith(KafkaExtension.class)
class StatusServerTest {

    private final KafkaTestEnvironment env;
    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<BridgeRuntime> runtime = new AtomicReference<>();
    private final String prefix = "web" + UUID.randomUUID().toString().substring(0, 8);
    private StatusServer server;
    private MiniBridge bridge;

    StatusServerTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeEach
    void start() {
        server = StatusServer.start(0, () -> Optional.ofNullable(runtime.get()), meters);
    }

    @AfterEach
    void stop() {
        server.close();
        if (bridge != null) {
            bridge.close();
        }
        http.close();
        meters.close();
    }

    @Test
    void whileTheBridgeStartsItIsAliveButNotReady() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("STARTING");
        assertThat(get("/api/accounts").body()).isEqualTo("[]");
        assertThat(get("/api/bridge").statusCode()).isEqualTo(503);
        assertThat(get("/").body()).contains("starting");
    }

    @Test
    void readinessFollowsTheRuntime() throws Exception {
        startBridge();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/ready").statusCode() == 200);

        bridge.markUnready();

        HttpResponse<String> notReady = get("/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("NOT_READY");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void accountsShowTheirQrCodeAsScannableSvgOrTheirPairCode() throws Exception {
        startBridge();
        add("15551110001@s.whatsapp.net", PairingMode.QR);
        add("15551110002@s.whatsapp.net", PairingMode.PAIR_CODE);

        JsonNode accounts = new ObjectMapper().readTree(get("/api/accounts").body());
        assertThat(accounts).hasSize(2);
        JsonNode qrAccount = accounts.get(0);
        assertThat(qrAccount.get("accountId").asText()).isEqualTo("15551110001@s.whatsapp.net");
        assertThat(qrAccount.get("state").asText()).isEqualTo("PAIRING");
        assertThat(qrAccount.get("jid").isNull()).isTrue();
        String qr = qrAccount.get("qrCode").asText();
        assertThat(qr).startsWith("2@ref");
        assertThat(accounts.get(1).get("pairCode").asText()).matches("ABCD\\d{4}");

        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("http-equiv=\"refresh\"").contains("15551110001@s.whatsapp.net")
                .contains("PAIRING").contains(accounts.get(1).get("pairCode").asText());
        Matcher svg = Pattern.compile("<svg.*?</svg>").matcher(page.body());
        assertThat(svg.find()).isTrue();
        assertThat(QrDecoding.decodeSvg(svg.group())).isEqualTo(qr);
    }

    @Test
    void pageEscapesWhatItShows() throws Exception {
        startBridge();
        add("<script>alert(1)</script>@s.whatsapp.net", PairingMode.PAIR_CODE);

        String page = get("/").body();

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void bridgeInfoTellsClientsWhereKafkaIs() throws Exception {
        startBridge();

        JsonNode info = new ObjectMapper().readTree(get("/api/bridge").body());

        assertThat(info.get("bootstrapServers").asText()).isEqualTo(env.bootstrapServers());
        assertThat(info.get("schemaRegistryUrl").asText()).isEqualTo(env.registryUrl());
        assertThat(info.get("topicPrefix").asText()).isEqualTo(prefix);
    }

    @Test
    void metricsArePrometheusTextOfTheRegistryTheRuntimeRecordsIn() throws Exception {
        startBridge();
        add("15551110003@s.whatsapp.net", PairingMode.QR);

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).contains(StatusServer.PROMETHEUS_CONTENT_TYPE);
        assertThat(metrics.body()).contains("# TYPE tryx_commands_total counter")
                .containsPattern("tryx_commands_total\\{action=\"AddAccount\"} 1\\.0");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/healthz").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.url().resolve("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void aFailingRuntimeCallIsA500AndTheServerKeepsServing() throws Exception {
        runtime.set(new BrokenRuntime(meters));

        HttpResponse<String> failed = get("/api/accounts");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("store is gone");
        assertThat(get("/").statusCode()).isEqualTo(500);
        assertThat(get("/ready").statusCode()).isEqualTo(200);
    }

    private void startBridge() {
        bridge = MiniBridge.start(env, prefix, meters);
        runtime.set(bridge);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
    }

    private void add(String account, PairingMode mode) {
        BridgeEndpoints endpoints = new BridgeEndpoints(env.bootstrapServers(), Map.of(), env.registryUrl(),
                RegistryAuth.none(), new TopicNames(prefix));
        try (CommandClient client = new CommandClient(endpoints)) {
            Optional<CommandClient.Outcome> outcome = client.execute(Command.newBuilder()
                    .setCommandId(UUID.randomUUID().toString()).setAccount(account)
                    .setAction(AddAccount.newBuilder().setMode(mode).build()).build(), Duration.ofSeconds(30));
            assertThat(outcome).hasValueSatisfying(o -> assertThat(o.succeeded()).isTrue());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = server.url().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A minimal runtime whose account listing fails (pure HTTP behaviour; no Kafka involved). */
    private record BrokenRuntime(io.micrometer.core.instrument.MeterRegistry meters) implements BridgeRuntime {
        @Override
        public String bootstrapServers() {
            return "b:9092";
        }

        @Override
        public String schemaRegistryUrl() {
            return "http://r";
        }

        @Override
        public String topicPrefix() {
            return "p";
        }

        @Override
        public java.util.List<io.tryx.bridge.app.AccountStatus> accounts() {
            throw new IllegalStateException("store is gone");
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
