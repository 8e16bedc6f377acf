package io.tryx.bridge.runtime;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.demo.SimulatorAdmin.InboxText;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.common.v1.TextContent;
import io.tryx.protocol.message.MessageIds;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static io.tryx.bridge.runtime.ChildBridge.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands exactly once in effect through crashes (Kafka store): 500 {@code SendMessage} commands to a mock phone
 * while the bridge (a child JVM) is SIGKILLed at random points and started again. For a {@code read_committed}
 * consumer every command has exactly one result, and the phone's inbox holds every sent message exactly once, under
 * the id derived from its command (a command carried out again after a crash re-sends under the same id and the
 * phone drops the repeat). {@code -Dtryx.eos.commands} (default 500) and {@code -Dtryx.eos.kills} (default 2) size it.
 */
@ExtendWith(KafkaExtension.class)
class CommandsExactlyOnceIT {

    private static final Logger LOG = LoggerFactory.getLogger(CommandsExactlyOnceIT.class);

    @Test
    void everyCommandHasOneResultAndItsMessageIsDeliveredOnceThroughRepeatedSigkills(KafkaTestEnvironment env,
                                                                                      @TempDir Path dataDir)
            throws Exception {
        int total = Integer.getInteger("tryx.eos.commands", 500);
        int kills = Integer.getInteger("tryx.eos.kills", 2);
        Random random = new Random();
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withPhoneInboxLimit(total * 2));
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir)) {
            fixture.store = new BridgeConfig.StoreSettings.Kafka();
            fixture.startBridge();
            String account = fixture.linkByQr("15550007001");
            String friend = fixture.admin.createAccount("15550007002", "Friend");
            fixture.stopBridge();

            try (ChildBridge child = new ChildBridge(fixture, simulator, dataDir, "eos-it")) {
                child.start();
                Map<String, String> texts = new LinkedHashMap<>();
                long begin = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    String id = "eos-" + i;
                    texts.put(id, "command #" + i);
                    fixture.send(Command.newBuilder().setCommandId(id).setAccount(account).setIssuedAt(Instant.now())
                            .setAction(SendMessage.newBuilder().setChat(friend)
                                    .setContent(TextContent.newBuilder().setText(texts.get(id)).build()).build())
                            .build());
                }
                List<Long> recoveries = new ArrayList<>();
                for (int k = 1; k <= kills; k++) {
                    int threshold = (int) (total * (k - 1 + random.nextDouble(0.2, 0.8)) / (kills + 1));
                    await("kill " + k + " at " + threshold).atMost(START).until(() -> results(fixture).size() >= threshold);
                    child.kill();
                    long killed = System.nanoTime();
                    int before = results(fixture).size();
                    LOG.info("commands exactly once: SIGKILL {} at {} results", k, before);
                    child.start();
                    await("results after restart " + k).atMost(START).until(() -> results(fixture).size() > before);
                    recoveries.add((System.nanoTime() - killed) / 1_000_000);
                }
                await("all results").atMost(START).until(() -> results(fixture).keySet().containsAll(texts.keySet()));
                double seconds = (System.nanoTime() - begin) / 1e9;
                LOG.info("commands exactly once: {} commands, {} kills, {} s ({} commands/s), recovery after kill {} ms",
                        total, kills, Math.round(seconds), Math.round(total / seconds), recoveries);

                Map<String, List<CommandResult>> results = results(fixture);
                assertThat(results.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey))
                        .as("commands without exactly one result").isEmpty();
                List<String> succeeded = texts.keySet().stream()
                        .filter(id -> results.get(id).getFirst().getStatus() instanceof CommandSucceeded).toList();
                LOG.info("commands exactly once: {} of {} succeeded; the rest: {}", succeeded.size(), total,
                        texts.keySet().stream().filter(id -> !succeeded.contains(id))
                                .map(id -> results.get(id).getFirst().getStatus().toString()).distinct().toList());
                assertThat(succeeded.size()).as("commands carried out").isGreaterThan(total * 9 / 10);

                await("the phone has every sent message").atMost(START).untilAsserted(() -> assertThat(
                        inbox(fixture, account).stream().map(InboxText::text).toList())
                        .containsAll(succeeded.stream().map(texts::get).toList()));
                List<InboxText> inbox = inbox(fixture, account);
                assertThat(inbox.stream().collect(Collectors.groupingBy(InboxText::text, Collectors.counting()))
                        .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                        .as("messages delivered more than once").isEmpty();
                Map<String, String> idOfText = inbox.stream().collect(Collectors.toMap(InboxText::text, InboxText::id));
                Map<String, String> commandOfText = texts.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
                assertThat(idOfText.keySet()).as("only commanded texts").isSubsetOf(texts.values());
                idOfText.forEach((text, id) -> assertThat(id).as(text)
                        .isEqualTo(MessageIds.derive(account + "|" + commandOfText.get(text))));
                for (String id : succeeded) {
                    assertThat(((CommandSucceeded) results.get(id).getFirst().getStatus()).getMessageId())
                            .contains(idOfText.get(texts.get(id)));
                }
                Map<String, List<CommandResult>> last = results(fixture);
                assertThat(texts.keySet().stream().mapToInt(id -> last.get(id).size()).sum()).as("no late duplicate")
                        .isEqualTo(total);
            }
        }
    }

    /** The results read so far ({@code read_committed}), by command id. */
    private static Map<String, List<CommandResult>> results(BridgeFixture fixture) {
        fixture.results.poll();
        return fixture.results.seen().stream().map(ConsumerRecord::value)
                .collect(Collectors.groupingBy(CommandResult::getCommandId, LinkedHashMap::new, Collectors.toList()));
    }

    private static List<InboxText> inbox(BridgeFixture fixture, String account) {
        String sender = account.substring(0, account.indexOf('@'));
        return fixture.admin.inbox("15550007002").stream().filter(t -> t.from().startsWith(sender)).toList();
    }
}
