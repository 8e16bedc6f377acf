package io.tryx.bridge.runtime;

import io.tryx.bridge.app.BridgeConfig;
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

/**
 * The bridge on the Kafka store ({@code store.url=kafka}): pairing state, sessions and events commit in Kafka
 * transactions; a restarted bridge restores the account from the state topic alone and logs in without pairing.
 */
@ExtendWith(KafkaExtension.class)
class BridgeKafkaStoreTest {

    @Test
    void accountStateLivesInTheStateTopicAndEventsCommitWithIt(KafkaTestEnvironment env, @TempDir Path dataDir)
            throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir)) {
            fixture.store = new BridgeConfig.StoreSettings.Kafka();
            fixture.startBridge();
            String account = fixture.linkByQr("15550004001");
            String friend = fixture.admin.createAccount("15550004002", "Friend");
            List<String> ids = List.of(fixture.admin.sendText("15550004002", account, "one"),
                    fixture.admin.sendText("15550004002", account, "two"));
            List<ConsumerRecord<String, GenericRecord>> first = fixture.messages.await(
                    r -> r.key().equals(account + "|" + friend), 2, WITHIN);
            assertThat(first).extracting(r -> ((GenericRecord) r.value().get("key")).get("id").toString())
                    .containsExactlyElementsOf(ids);

            fixture.stopBridge();
            await().atMost(WITHIN).until(() -> simulator.stats().connections() == 0);
            fixture.startBridge();
            fixture.connection.await(r -> r.key().equals(account) && stateOf(r.value()).equals("Connected"), 2, WITHIN);
            assertThat(fixture.connection.seen().stream().filter(r -> r.key().equals(account))
                    .filter(r -> stateOf(r.value()).equals("QrCodeIssued"))).as("no pairing again").hasSize(1);

            String third = fixture.admin.sendText("15550004002", account, "three");
            fixture.messages.await(r -> r.key().equals(account + "|" + friend)
                    && ((GenericRecord) r.value().get("key")).get("id").toString().equals(third), WITHIN);
            assertThat(fixture.messages.poll().stream().filter(r -> r.key().equals(account + "|" + friend)))
                    .as("each message once").hasSize(3);
        }
    }
}
