package io.tryx.bridge.runtime;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo script links its account through the bridge by command and QR, then its friend's messages flow as events. */
@ExtendWith(KafkaExtension.class)
class DemoTest {

    @Test
    void theDemoLinksItsAccountAndTheFriendsMessagesBecomeEvents(KafkaTestEnvironment env, @TempDir Path dataDir)
            throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir)) {
            fixture.startBridge();

            try (Demo demo = Demo.start(fixture.bridge, simulator.adminUrl(), Duration.ofMillis(200))) {
                String account = Demo.ACCOUNT_PHONE + "@s.whatsapp.net";
                String friend = Demo.FRIEND_PHONE + "@s.whatsapp.net";
                assertThat(fixture.status(account).orElseThrow().state()).isEqualTo("CONNECTED");
                var messages = fixture.messages.await(r -> r.key().equals(account + "|" + friend), 2, WITHIN);
                assertThat(((GenericRecord) messages.getFirst().value().get("content")).get("text").toString())
                        .startsWith("Hello from the demo friend #");
            }
        }
    }
}
