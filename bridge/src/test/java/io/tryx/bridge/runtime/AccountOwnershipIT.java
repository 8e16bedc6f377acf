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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.tryx.bridge.runtime.ChildBridge.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Account ownership through the command consumer group (Kafka store), with two bridge instances as child JVMs and
 * one account in each of the two partitions: the group splits the partitions (and so the accounts) between them; a
 * SIGKILLed instance's account resumes on the other within seconds; an instance paused with SIGSTOP loses its
 * partition to the other, and once it runs again (SIGCONT) it commits nothing and sends nothing for the account it
 * lost. Throughout, every command has exactly one result for a {@code read_committed} consumer and its message
 * reaches the phone once, under the id derived from the command.
 */
@ExtendWith(KafkaExtension.class)
class AccountOwnershipIT {

    private static final Logger LOG = LoggerFactory.getLogger(AccountOwnershipIT.class);
    private static final String FRIEND = "15550008999";
    private static final int PARTITIONS = 2;

    @Test
    void accountsSplitMoveOnAKillAndAZombieCannotCommitOrSend(KafkaTestEnvironment env, @TempDir Path dataDir)
            throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withPhoneInboxLimit(2_000));
             BridgeFixture fixture = new BridgeFixture(env, simulator, dataDir);
             Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
            fixture.store = new BridgeConfig.StoreSettings.Kafka();
            fixture.startBridge();
            List<String> accounts = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> fixture.linkByQr(phoneInPartition(p))).toList();
            String friend = fixture.admin.createAccount(FRIEND, "Friend");
            fixture.stopBridge();
            String group = fixture.prefix + "-bridge";
            Commands commands = new Commands(fixture, accounts, friend);

            try (ChildBridge a = new ChildBridge(fixture, simulator, dataDir, "ownership-it", "a");
                 ChildBridge b = new ChildBridge(fixture, simulator, dataDir, "ownership-it", "b")) {
                a.start();
                b.start();
                await("the partitions split").atMost(START).until(() -> assignment(kafka, group).equals(List.of(1, 1)));
                commands.sendAndAwait(10);

                // (b) SIGKILL one instance: its account resumes on the other
                int answered = commands.results().size();
                commands.send(30);
                await().atMost(START).until(() -> commands.results().size() >= answered + 10);
                a.kill();
                long killed = System.nanoTime();
                commands.awaitAll();
                long recovery = (System.nanoTime() - killed) / 1_000_000;
                assertThat(assignment(kafka, group)).isEqualTo(List.of(2));
                commands.assertExactlyOnce();
                LOG.info("ownership: after SIGKILL of one of two instances every command answered within {} ms", recovery);

                // (c) a paused zombie: its partition moves; awake again, it commits and sends nothing for it
                a.start();
                await("the partitions split again").atMost(START).until(() -> assignment(kafka, group).equals(List.of(1, 1)));
                commands.sendAndAwait(5);
                b.pause();
                long paused = System.nanoTime();
                commands.send(20);
                commands.awaitAll();
                LOG.info("ownership: with one instance paused every command answered within {} ms",
                        (System.nanoTime() - paused) / 1_000_000);
                assertThat(assignment(kafka, group)).isEqualTo(List.of(2));
                b.resume();
                await("the zombie gave its connections up").atMost(START)
                        .until(() -> simulator.stats().connections() == accounts.size());
                commands.sendAndAwait(10);
                assertThat(b.alive()).isTrue();
                commands.assertExactlyOnce();
                assertThat(simulator.stats().connections()).isEqualTo(accounts.size());
            }
        }
    }

    /** A phone number whose account JID falls in {@code partition} of the commands topic. */
    private static String phoneInPartition(int partition) {
        for (int i = 0; ; i++) {
            String phone = "155500080" + String.format("%02d", i);
            byte[] key = (phone + "@s.whatsapp.net").getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
                return phone;
            }
        }
    }

    /** How many partitions each member of the group has, sorted (empty while it has none). */
    private static List<Integer> assignment(Admin kafka, String group) throws Exception {
        ConsumerGroupDescription description = kafka.describeConsumerGroups(List.of(group)).all()
                .get(30, TimeUnit.SECONDS).get(group);
        return description.members().stream().map(MemberDescription::assignment)
                .map(a -> a.topicPartitions().size()).filter(n -> n > 0).sorted().toList();
    }

    /** SendMessage commands to the friend, alternating between the accounts, and their checks. */
    private static final class Commands {
        private final BridgeFixture fixture;
        private final List<String> accounts;
        private final String friend;
        private final Map<String, String> texts = new LinkedHashMap<>();
        private final Map<String, String> accountOf = new LinkedHashMap<>();

        Commands(BridgeFixture fixture, List<String> accounts, String friend) {
            this.fixture = fixture;
            this.accounts = accounts;
            this.friend = friend;
        }

        int sent() {
            return texts.size();
        }

        void send(int perAccount) {
            for (int i = 0; i < perAccount; i++) {
                for (String account : accounts) {
                    String id = "own-" + texts.size();
                    texts.put(id, "ownership #" + texts.size());
                    accountOf.put(id, account);
                    fixture.send(Command.newBuilder().setCommandId(id).setAccount(account).setIssuedAt(Instant.now())
                            .setAction(SendMessage.newBuilder().setChat(friend)
                                    .setContent(TextContent.newBuilder().setText(texts.get(id)).build()).build())
                            .build());
                }
            }
        }

        void sendAndAwait(int perAccount) {
            send(perAccount);
            awaitAll();
        }

        void awaitAll() {
            await("results of " + texts.size() + " commands").atMost(START)
                    .until(() -> results().keySet().containsAll(texts.keySet()));
        }

        Map<String, List<CommandResult>> results() {
            fixture.results.poll();
            return fixture.results.seen().stream().map(ConsumerRecord::value)
                    .collect(Collectors.groupingBy(CommandResult::getCommandId, LinkedHashMap::new, Collectors.toList()));
        }

        /** One result per command, all succeeded; the phone holds each message once, under its derived id. */
        void assertExactlyOnce() {
            Map<String, List<CommandResult>> results = results();
            assertThat(results.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey))
                    .as("commands without exactly one result").isEmpty();
            List<String> failed = new ArrayList<>();
            results.forEach((id, list) -> {
                if (!(list.getFirst().getStatus() instanceof CommandSucceeded)) {
                    failed.add(id + ": " + list.getFirst().getStatus());
                }
            });
            assertThat(failed).as("failed commands").isEmpty();
            await("the phone has every message").atMost(START).untilAsserted(() -> assertThat(
                    fixture.admin.inbox(FRIEND).stream().map(InboxText::text).toList()).containsAll(texts.values()));
            List<InboxText> inbox = fixture.admin.inbox(FRIEND);
            assertThat(inbox).hasSize(texts.size());
            Map<String, String> idOfText = inbox.stream().collect(Collectors.toMap(InboxText::text, InboxText::id));
            texts.forEach((command, text) -> assertThat(idOfText.get(text)).as(text)
                    .isEqualTo(MessageIds.derive(accountOf.get(command) + "|" + command)));
        }
    }
}
