package io.tryx.bridge.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.app.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's default: with {@code kafka.embedded} the bridge starts its own broker and Apicurio registry
 * (the distribution named by {@code -Dtryx.apicurio.home}), creates its topics, becomes ready, and stops both again.
 */
class BridgeEmbeddedStartTest {

    @Test
    void startsAnEmbeddedBrokerAndRegistryCreatesItsTopicsAndStopsThemOnClose(@TempDir Path dataDir) throws Exception {
        BridgeConfig config = new BridgeConfig(BridgeConfig.KafkaSettings.embeddedDefaults(), "emb",
                new BridgeConfig.StoreSettings.Sqlite(dataDir.resolve("accounts.db")),
                new BridgeConfig.WhatsAppSettings(URI.create("ws://127.0.0.1:9/ws/chat"), Optional.empty(), Optional.empty()),
                0, dataDir);
        BridgeRuntime bridge = Bridge.start(config, RuntimeOptions.defaults("emb"), new SimpleMeterRegistry());
        String registry = bridge.schemaRegistryUrl();
        try {
            await().atMost(Duration.ofSeconds(60)).until(bridge::ready);
            assertThat(bridge.topicPrefix()).isEqualTo("emb");
            assertThat(bridge.accounts()).isEmpty();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bridge.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(new TopicNames("emb").all());
            }
            assertThat(get(registry + "/subjects").statusCode()).isEqualTo(200);
            assertThat(dataDir.resolve("kafka")).isDirectory();
        } finally {
            bridge.close();
            bridge.close(); // idempotent
        }
        assertThat(bridge.ready()).isFalse();
        assertThatThrownBy(() -> get(registry + "/subjects")).isInstanceOf(ConnectException.class);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
