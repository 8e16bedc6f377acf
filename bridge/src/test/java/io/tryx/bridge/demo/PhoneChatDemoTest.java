package io.tryx.bridge.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.registry.RegistryAuth;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.MiniBridge;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The default demo script up to linking: with the {@link MiniBridge} (real Kafka, no WhatsApp behind it) it creates
 * the simulator accounts and adds the demo account to the bridge by command. Linking itself needs the real runtime
 * (the mini bridge's QR codes name no pairing session of the simulator).
 */
@ExtendWith(KafkaExtension.class)
class PhoneChatDemoTest {

    private final KafkaTestEnvironment env;

    PhoneChatDemoTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @Test
    void createsThePeopleAndAddsTheAccountToTheBridge() throws Exception {
        String prefix = "demo" + UUID.randomUUID().toString().substring(0, 8);
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             SimulatorAdmin admin = new SimulatorAdmin(simulator.adminUrl());
             MiniBridge bridge = MiniBridge.start(env, prefix, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            BridgeEndpoints endpoints = new BridgeEndpoints(env.bootstrapServers(), Map.of(), env.registryUrl(),
                    RegistryAuth.none(), new TopicNames(prefix));
            DemoContext context = new DemoContext(simulator, admin, bridge, endpoints, "15550003001", "15550003002");

            try (AutoCloseable demo = new PhoneChatDemo().start(context)) {
                assertThat(admin.inbox("15550003001")).isEmpty();
                assertThat(admin.inbox("15550003002")).isEmpty();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bridge.accounts())
                        .singleElement().satisfies(a -> {
                            assertThat(a.accountId()).isEqualTo("15550003001@s.whatsapp.net");
                            assertThat(a.qrCode()).isPresent();
                        }));
            }

            // a second run on the same simulator: the people exist already, which the script reports
            assertThatThrownBy(() -> new PhoneChatDemo().start(context))
                    .isInstanceOfSatisfying(SimulatorAdminException.class, e -> assertThat(e.code()).isEqualTo("account-exists"));
        }
    }
}
