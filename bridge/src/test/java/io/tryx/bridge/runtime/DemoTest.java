package io.tryx.bridge.runtime;

import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.demo.DemoContext;
import io.tryx.bridge.demo.PhoneChatDemo;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's default demo script against the real runtime: it links its account through the bridge by
 * command and QR, then the friend's texts flow as message events a plain consumer decodes with the registry.
 */
@ExtendWith(KafkaExtension.class)
class DemoTest {

    @Test
    void theDemoLinksItsAccountAndTheFriendsMessagesBecomeEvents(KafkaTestEnvironment env, @TempDir Path dataDir)
            throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir)) {
            fixture.startBridge();
            BridgeEndpoints endpoints = new BridgeEndpoints(env.bootstrapServers(), Map.of(), env.registryUrl(),
                    io.tryx.bridge.registry.RegistryAuth.none(), fixture.topics);
            String account = "15550009001@s.whatsapp.net";
            String friend = "15550009002@s.whatsapp.net";
            try (AutoCloseable demo = new PhoneChatDemo().start(
                    new DemoContext(simulator, fixture.admin, fixture.bridge, endpoints, "15550009001", "15550009002"))) {
                await().atMost(WITHIN).until(() -> fixture.status(account).map(s -> s.state().equals("CONNECTED")).orElse(false));
                var messages = fixture.messages.await(r -> r.key().equals(account + "|" + friend), 1, WITHIN);
                assertThat(((GenericRecord) messages.getFirst().value().get("content")).get("text").toString()).isNotBlank();
            }
        }
    }
}
