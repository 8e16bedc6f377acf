package io.tryx.bridge.runtime;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.RestartableKafka;
import io.tryx.bridge.testkit.Tail;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.common.v1.TextContent;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Broker restart during traffic: a bridge with the Kafka store receives a steady stream of texts from mock phones
 * while its broker (a {@link RestartableKafka} of its own; the registry is the shared one) stops for ten seconds and
 * comes back on the same port and data. The bridge must wait rather than crash, then resume: a {@code read_committed}
 * consumer sees every text exactly once, none undecryptable, no dead letter, and commands produced during the outage
 * each get exactly one result (and the recipient one message) afterwards. Readiness ({@code /ready}) goes down while
 * a state transaction waits for the broker and comes back after.
 */
@ExtendWith(KafkaExtension.class)
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration WITHIN = Duration.ofSeconds(150);
    private static final int TOTAL = 360;
    private static final int SENDERS = 3;
    /** Senders keep this many texts ahead of what Kafka shows, so the stream spans the outage. */
    private static final int AHEAD = 60;
    private static final int COMMANDS = 5;

    @Test
    void theBridgeWaitsForTheBrokerAndResumesWithEveryMessageOnceAndEveryCommandAnswered(KafkaTestEnvironment shared,
                                                                                          @TempDir Path dir) throws Exception {
        try (RestartableKafka kafka = RestartableKafka.startIn(dir.resolve("kafka"));
             Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(shared.withBroker(kafka.bootstrapServers()), simulator,
                     dir.resolve("bridge"))) {
            fixture.store = new BridgeConfig.StoreSettings.Kafka();
            fixture.startBridge();
            String account = fixture.linkByQr("15550007001");
            List<String> phones = IntStream.range(0, SENDERS).mapToObj(i -> "1555000710" + i).toList();
            List<String> friends = phones.stream().map(p -> fixture.admin.createAccount(p, "Friend " + p)).toList();
            String recipientPhone = "15550007200";
            String recipient = fixture.admin.createAccount(recipientPhone, "Recipient");

            try (Tail<GenericRecord> undecryptable = new Tail<>(fixture.env.bootstrapServers(),
                    fixture.topics.events(EventFamily.UNDECRYPTABLE),
                    new AvroDeserializer<>(fixture.registry, AvroReadMode.generic()))) {
                Set<String> chats = friends.stream().map(f -> account + "|" + f).collect(Collectors.toSet());
                Map<String, Integer> seen = new ConcurrentHashMap<>();
                Set<String> sent = ConcurrentHashMap.newKeySet();
                Supplier<Integer> progress = () -> { // polls the read_committed tail (test thread only)
                    Map<String, Integer> counts = new HashMap<>();
                    fixture.messages.poll().stream().filter(r -> chats.contains(r.key())).forEach(r ->
                            counts.merge(((GenericRecord) r.value().get("key")).get("id").toString(), 1, Integer::sum));
                    seen.putAll(counts);
                    return counts.values().stream().mapToInt(Integer::intValue).sum();
                };
                List<CompletableFuture<Void>> senders = new ArrayList<>();
                for (String phone : phones) {
                    senders.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < TOTAL / SENDERS; i++) {
                            await().atMost(WITHIN).until(() -> seen.size() > sent.size() - AHEAD);
                            sent.add(fixture.admin.sendText(phone, account, phone + " #" + i));
                        }
                    }));
                }

                await("a third of the stream in Kafka").atMost(WITHIN).until(() -> progress.get() >= TOTAL / 3);
                kafka.stop();
                long down = System.nanoTime();
                int seenAtStop = seen.size();
                List<Command> commands = IntStream.range(0, COMMANDS).mapToObj(i -> Command.newBuilder()
                        .setCommandId(fixture.nextCommandId()).setAccount(account)
                        .setAction(SendMessage.newBuilder().setChat(recipient)
                                .setContent(TextContent.newBuilder().setText("during the outage " + i).build()).build())
                        .build()).toList();
                List<String> commandIds = commands.stream().map(Command::getCommandId).toList();
                List<CompletableFuture<Void>> produced = commands.stream().map(fixture::sendLater).toList();
                AtomicBoolean everNotReady = new AtomicBoolean();
                await("the bridge keeps running while the broker is away").during(OUTAGE)
                        .atMost(OUTAGE.plusSeconds(10)).until(() -> {
                            everNotReady.compareAndSet(false, !fixture.bridge.ready());
                            return fixture.status(account).isPresent();
                        });
                int sentDuringOutage = sent.size();
                kafka.start();
                LOG.info("broker restart: away {} ms; {} texts in Kafka at the stop, {} sent by the restart; "
                                + "readiness went down: {}", (System.nanoTime() - down) / 1_000_000, seenAtStop,
                        sentDuringOutage, everNotReady.get());

                long up = System.nanoTime();
                await("every text after the restart").atMost(WITHIN).until(() -> progress.get() >= TOTAL
                        && senders.stream().allMatch(CompletableFuture::isDone) && seen.keySet().containsAll(sent));
                senders.forEach(CompletableFuture::join);
                produced.forEach(CompletableFuture::join);
                LOG.info("broker restart: the rest of the stream reached Kafka {} ms after the broker was back",
                        (System.nanoTime() - up) / 1_000_000);

                assertThat(everNotReady).as("readiness down while a state transaction waited for the broker").isTrue();
                await("ready again").atMost(BridgeFixture.WITHIN).until(fixture.bridge::ready);
                assertThat(sent).hasSize(TOTAL);
                assertThat(seen.keySet()).containsAll(sent);
                assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                        .as("texts seen more than once").isEmpty();
                assertThat(undecryptable.poll().stream().filter(r -> r.key().startsWith(account))).isEmpty();

                List<String> messageIds = new ArrayList<>();
                for (String commandId : commandIds) {
                    CommandResult result = fixture.results.await(r -> r.value().getCommandId().equals(commandId), WITHIN)
                            .value();
                    assertThat(result.getStatus()).isInstanceOf(CommandSucceeded.class);
                    messageIds.add(((CommandSucceeded) result.getStatus()).getMessageId().orElseThrow());
                }
                assertThat(fixture.results.poll().stream().filter(r -> commandIds.contains(r.value().getCommandId())))
                        .as("one result per command").hasSize(COMMANDS);
                await().atMost(BridgeFixture.WITHIN).until(() -> fixture.admin.inbox(recipientPhone).stream()
                        .filter(m -> messageIds.contains(m.id())).count() >= COMMANDS);
                assertThat(fixture.admin.inbox(recipientPhone).stream().filter(m -> messageIds.contains(m.id())))
                        .as("one delivered message per command").hasSize(COMMANDS);
                assertThat(fixture.deadLetters.poll()).as("dead letters").isEmpty();
            }
        }
    }
}
