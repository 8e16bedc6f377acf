package io.tryx.bridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.MiniBridge;
import io.tryx.bridge.web.StatusServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code tryx accounts} against a running {@link MiniBridge} on the real Kafka. The CLI has no Kafka settings: like
 * against an embedded bridge, it learns the addresses from the bridge's status endpoint ({@code --bridge-url}).
 */
@ExtendWith(KafkaExtension.class)
class AccountsCommandTest {

    private final KafkaTestEnvironment env;
    private MiniBridge bridge;
    private StatusServer status;
    private PrometheusMeterRegistry meters;

    @TempDir
    Path dir;

    AccountsCommandTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeEach
    void start() {
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bridge = MiniBridge.start(env, "acc" + UUID.randomUUID().toString().substring(0, 8), meters);
        status = StatusServer.start(0, () -> Optional.<BridgeRuntime>of(bridge), meters);
        await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
    }

    @AfterEach
    void stop() {
        status.close();
        bridge.close();
        meters.close();
    }

    private CliHarness run(int expectedExit, String... args) {
        CliHarness cli = new CliHarness(dir);
        String[] withUrl = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--bridge-url", status.url().toString())).toArray(String[]::new);
        assertThat(cli.run(withUrl)).as(cli.err()).isEqualTo(expectedExit);
        return cli;
    }

    @Test
    void addListAndRemoveAnAccount() throws Exception {
        CliHarness add = run(0, "accounts", "add", "15551230001", "--device-name", "Office");
        JsonNode added = new ObjectMapper().readTree(add.out());
        assertThat(added.get("account").asText()).isEqualTo("15551230001@s.whatsapp.net");
        assertThat(added.get("status").get("@type").asText()).isEqualTo("CommandSucceeded");

        run(0, "accounts", "add", "15551230002", "--pair-code");

        CliHarness list = run(0, "accounts", "list");
        assertThat(list.out().lines().toList()).hasSize(3);
        assertThat(list.out()).contains("ACCOUNT").contains("15551230001@s.whatsapp.net").contains("PAIRING")
                .contains("QR code").containsPattern("pair code ABCD\\d{4}");

        JsonNode json = new ObjectMapper().readTree(run(0, "accounts", "list", "--json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("qrCode").asText()).startsWith("2@ref");

        CliHarness remove = run(0, "accounts", "remove", "15551230001@s.whatsapp.net", "--reason", "test");
        assertThat(remove.out()).contains("CommandSucceeded");
        assertThat(new ObjectMapper().readTree(run(0, "accounts", "list", "--json").out())).hasSize(1);
    }

    @Test
    void refusalsArePrintedAndExitWithOne() throws Exception {
        run(0, "accounts", "add", "15551230003");

        JsonNode again = new ObjectMapper().readTree(run(1, "accounts", "add", "15551230003").out());
        assertThat(again.get("status").get("code").asText()).isEqualTo("CONFLICT");

        JsonNode unknown = new ObjectMapper().readTree(run(1, "accounts", "remove", "15559999999").out());
        assertThat(unknown.get("status").get("code").asText()).isEqualTo("UNKNOWN_ACCOUNT");
    }

    @Test
    void theEmbeddedDefaultAsksTheBridgeOnTheConfiguredHttpPort() {
        CliHarness cli = new CliHarness(dir, java.util.Map.of("TRYX_HTTP_PORT", Integer.toString(status.port())),
                Optional.empty());

        assertThat(cli.run("accounts", "list")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("ACCOUNT");
    }
}
