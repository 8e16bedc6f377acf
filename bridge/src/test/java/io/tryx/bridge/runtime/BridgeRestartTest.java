package io.tryx.bridge.runtime;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static io.tryx.bridge.runtime.BridgeFixture.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A bridge restarted on the same SQLite store logs its accounts in again without pairing, and events keep flowing. */
@ExtendWith(KafkaExtension.class)
class BridgeRestartTest {

    @Test
    void aRestartedBridgeReconnectsTheStoredAccountWithoutPairing(KafkaTestEnvironment env, @TempDir Path dataDir)
            throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir)) {
            fixture.startBridge();
            String account = fixture.linkByQr("15550003001");
            String device = fixture.status(account).orElseThrow().jid().orElseThrow();
            String friend = fixture.admin.createAccount("15550003002", "Friend");

            fixture.stopBridge();
            await().atMost(WITHIN).until(() -> simulator.stats().connections() == 0);
            assertThat(fixture.connection.await(r -> r.key().equals(account) && stateOf(r.value()).equals("Disconnected"),
                    WITHIN).value().get("state")).satisfies(d -> assertThat(((GenericRecord) d).get("reason"))
                    .hasToString("SHUTDOWN"));
            fixture.startBridge();

            List<ConsumerRecord<String, GenericRecord>> connected = fixture.connection.await(
                    r -> r.key().equals(account) && stateOf(r.value()).equals("Connected"), 2, WITHIN);
            assertThat(((GenericRecord) connected.get(1).value().get("source")).get("device")).hasToString(device);
            assertThat(fixture.connection.seen().stream().filter(r -> r.key().equals(account))
                    .filter(r -> stateOf(r.value()).equals("QrCodeIssued"))).hasSize(1);
            await().atMost(WITHIN).until(() -> fixture.status(account).orElseThrow().state().equals("CONNECTED"));
            assertThat(fixture.admin.linkedDevices("15550003001")).isEqualTo(1);

            String id = fixture.admin.sendText("15550003002", account, "after the restart");
            GenericRecord message = fixture.messages.await(r -> r.key().equals(account + "|" + friend), WITHIN).value();
            assertThat(((GenericRecord) message.get("key")).get("id")).hasToString(id);
        }
    }
}
