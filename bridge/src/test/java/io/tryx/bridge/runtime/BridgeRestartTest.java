package io.tryx.bridge.runtime;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.ErrorCode;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static io.tryx.bridge.runtime.BridgeFixture.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bridge restarted on the same SQLite store logs its accounts in again without pairing, and events keep flowing; a
 * command id answered before the restart is answered from the results topic, not carried out again.
 */
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

    @Test
    void aCommandIdAnsweredBeforeARestartIsNotCarriedOutAgainAndGetsItsFirstResult(KafkaTestEnvironment env,
                                                                                   @TempDir Path dataDir)
            throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir)) {
            fixture.startBridge();
            String account = fixture.linkByQr("15550007001");
            String friend = fixture.admin.createAccount("15550007002", "Friend");
            Command send = Command.newBuilder().setCommandId("send-once").setAccount(account).setIssuedAt(Instant.now())
                    .setAction(SendMessage.newBuilder().setChat(friend)
                            .setContent(TextContent.newBuilder().setText("only once, please").build()).build())
                    .build();
            fixture.send(send);
            CommandResult first = fixture.result("send-once");
            String id = ((CommandSucceeded) first.getStatus()).getMessageId().orElseThrow();
            await().atMost(WITHIN).until(() -> fixture.admin.inbox("15550007002").stream().anyMatch(m -> m.id().equals(id)));

            fixture.stopBridge();
            fixture.startBridge();
            await().atMost(WITHIN).until(() -> fixture.status(account).map(s -> s.state().equals("CONNECTED")).orElse(false));
            fixture.send(send); // the caller retries after the restart
            fixture.send(Command.newBuilder(send).setAction(io.tryx.commands.v1.account.LogOut.newBuilder().build()).build());
            String later = fixture.send(account, SendMessage.newBuilder().setChat(friend)
                    .setContent(TextContent.newBuilder().setText("a new command").build()).build());

            List<ConsumerRecord<String, CommandResult>> answers = fixture.results.await(
                    r -> r.value().getCommandId().equals("send-once"), 3, WITHIN);
            assertThat(answers.get(1).value()).as("the first result again, not a new send").isEqualTo(first);
            CommandFailed conflict = (CommandFailed) answers.get(2).value().getStatus();
            assertThat(conflict.getCode()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(conflict.getMessage()).contains("messages.SendMessage");
            String laterId = ((CommandSucceeded) fixture.result(later).getStatus()).getMessageId().orElseThrow();
            await().atMost(WITHIN).until(() -> fixture.admin.inbox("15550007002").stream()
                    .anyMatch(m -> m.id().equals(laterId)));
            assertThat(fixture.admin.inbox("15550007002").stream().filter(m -> "only once, please".equals(m.text())))
                    .as("sent once").hasSize(1);
            assertThat(fixture.status(account).orElseThrow().state()).as("LogOut was not carried out").isEqualTo("CONNECTED");
            assertThat(fixture.meters.counter("tryx.commands.repeated", "action", "messages.SendMessage").count())
                    .isEqualTo(1);
            assertThat(answers.get(1).headers().lastHeader("tryx.action").value())
                    .isEqualTo("messages.SendMessage".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
