package io.tryx.bridge.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.commands.CommandSettings;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two bridge instances on one state topic, in different command consumer groups (a misconfiguration: each believes it
 * owns every partition): the one that starts second takes the account's partition over
 * ({@code initTransactions} with the partition's transactional id), so the first, still connected to WhatsApp,
 * is a zombie: its next commit fails with a fencing error, it stops the account and closes its connection, and
 * nothing it decrypted reaches a {@code read_committed} consumer. The message stays unacknowledged at the server
 * and reaches Kafka once, through the instance that owns the account now.
 */
@ExtendWith(KafkaExtension.class)
class BridgeFencingTest {

    private static String state(BridgeRuntime bridge, String account) {
        return bridge.accounts().stream().filter(s -> s.accountId().equals(account)).findFirst()
                .map(AccountStatus::state).orElse("");
    }

    private static double published(BridgeRuntime bridge) {
        return bridge.meters().find("tryx.events.published").tag("family", "messages").counter().count();
    }

    @Test
    void aFencedInstanceCannotPublishAndStopsTheAccount(KafkaTestEnvironment env, @TempDir Path dataDir)
            throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir)) {
            fixture.store = new BridgeConfig.StoreSettings.Kafka();
            fixture.startBridge();
            BridgeRuntime zombie = fixture.bridge;
            String account = fixture.linkByQr("15550005001");
            String friend = fixture.admin.createAccount("15550005002", "Friend");
            String before = fixture.admin.sendText("15550005002", account, "before the takeover");
            fixture.messages.await(r -> r.key().equals(account + "|" + friend), WITHIN);

            // a second instance takes the account's state over; it cannot reach WhatsApp (yet)
            BridgeConfig config = fixture.config();
            BridgeConfig unreachable = new BridgeConfig(config.kafka(), config.topicPrefix(), config.store(),
                    new BridgeConfig.WhatsAppSettings(URI.create("ws://127.0.0.1:9/ws/chat"), Optional.empty(),
                            Optional.empty()), 0, dataDir.resolve("second"));
            // in a consumer group of its own, it is given every command partition and takes their accounts over
            RuntimeOptions options = fixture.options();
            RuntimeOptions otherGroup = new RuntimeOptions(options.topics(), new CommandSettings(
                    options.commands().groupId() + "-other", options.commands().timeout(), options.commands().memoCapacity(),
                    options.commands().memoWindow()), options.ioThreads(), options.workerThreads());
            try (BridgeRuntime second = Bridge.start(unreachable, otherGroup, new SimpleMeterRegistry())) {
                await().atMost(WITHIN).until(second::ready);
                assertThat(second.accounts()).extracting(AccountStatus::accountId).contains(account);
                String during = fixture.admin.sendText("15550005002", account, "while fenced");

                await().atMost(WITHIN).until(() -> state(zombie, account).equals("FENCED"));
                await().atMost(WITHIN).until(() -> simulator.stats().connections() == 0);
                double published = published(zombie);
                assertThat(fixture.messages.poll().stream().filter(r -> r.key().equals(account + "|" + friend)))
                        .as("nothing from the zombie").hasSize(1);

                second.close();
                assertThat(published(zombie)).as("the zombie published nothing more").isEqualTo(published);
                fixture.stopBridge();
                fixture.startBridge();
                fixture.messages.await(r -> r.key().equals(account + "|" + friend)
                        && ((GenericRecord) r.value().get("key")).get("id").toString().equals(during), WITHIN);
                assertThat(fixture.messages.poll().stream().filter(r -> r.key().equals(account + "|" + friend))
                        .map(r -> ((GenericRecord) r.value().get("key")).get("id").toString()))
                        .containsExactly(before, during);
            }
        }
    }
}
