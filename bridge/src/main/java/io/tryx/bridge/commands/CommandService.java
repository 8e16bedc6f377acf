package io.tryx.bridge.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.media.UrlFetcher;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.topics.RecordProducer;
import io.tryx.bridge.app.TopicNames;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command side of the bridge, wired: a {@link CommandConsumer} on {@code <prefix>.commands} decoding
 * {@code Command}s with the registry, the namespace handlers (one per namespace; actions without one
 * unsupported), results to {@code <prefix>.command-results} and dead letters to {@code <prefix>.dead-letter}; the
 * result memo read back from the results topic ({@link ResultHistory}) whenever the consumer gets partitions.
 */
public final class CommandService implements AutoCloseable {

    /** How long reading the results topic back may take on an assignment (it must stay under max.poll.interval). */
    private static final Duration HISTORY_TIMEOUT = Duration.ofSeconds(60);

    /** How soon the group gives a silent (crashed, paused) instance's command partitions to the others. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(8);

    private final CommandConsumer consumer;
    private final ExecutorService executor;
    private final ResultHistory history;
    private final ExecutorService mediaWork;

    private CommandService(CommandConsumer consumer, ExecutorService executor, ResultHistory history,
                           ExecutorService mediaWork) {
        this.consumer = consumer;
        this.executor = executor;
        this.history = history;
        this.mediaWork = mediaWork;
    }

    /**
     * Starts consuming.
     *
     * @param kafkaProperties bootstrap servers and the client (security) properties
     * @param outputs         where results and dead letters go: acknowledged, or in transactions with the offsets
     * @param ownership       follows the partitions the consumer group gives this instance (account ownership)
     * @param fetcher         fetches the files of media sends
     */
    public static CommandService start(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, TopicNames topics,
                                       RecordProducer producer, CommandOutputs outputs, CommandPartitions ownership,
                                       AccountHost host, UrlFetcher fetcher,
                                       CommandSettings settings, MeterRegistry meters, InstantSource clock) {
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        // a crashed instance's partitions move on within seconds (the broker's minimum is 6 s)
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis() / 4);
        // a rebalance moves only the partitions that change owner; the others' accounts keep running
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tryx-bridge-commands");
        KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        CommandMetrics metrics = new CommandMetrics(meters);
        ExecutorService mediaWork = Executors.newVirtualThreadPerTaskExecutor();
        MediaSender media = new MediaSender(fetcher, mediaWork, clock, mediaDeadline(settings.timeout()));
        CommandRouter router = new CommandRouter(List.of(new AccountCommands(host), new MessageCommands(host, media),
                new GroupCommands(host), new PollCommands(host), new StatusCommands(host, media),
                new PresenceCommands(host), new ContactCommands(host), new PrivacyCommands(host), new BlockingCommands(host),
                new ProfileCommands(host, fetcher, mediaWork, mediaDeadline(settings.timeout())),
                new ChatActionCommands(host), new CommunityCommands(host), new NewsletterCommands(host)));
        ResultMemo memo = new ResultMemo(settings.memoCapacity());
        CommandProcessor processor = new CommandProcessor(
                new AvroDeserializer<>(registry, AvroReadMode.specific(Command.class)), router, host, producer,
                outputs, topics.commandResults(), new DeadLetters(producer, topics.deadLetter(), clock),
                memo, metrics, clock, settings.timeout());
        Map<String, Object> historyConfig = new HashMap<>(kafkaProperties);
        historyConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        historyConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        historyConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "tryx-bridge-result-memo");
        historyConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        ResultHistory history = new ResultHistory(new KafkaConsumer<>(historyConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), topics.commandResults(),
                new AvroDeserializer<>(registry, AvroReadMode.specific(CommandResult.class)), memo, settings.memoWindow(),
                clock);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "tryx-command-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CommandConsumer consumer = new CommandConsumer(kafka, topics.commands(), processor, metrics, executor,
                outputs.commitsOffsets(), ownership, () -> history.catchUp(HISTORY_TIMEOUT));
        consumer.start();
        return new CommandService(consumer, executor, history, mediaWork);
    }

    /** Two seconds less than the command timeout (at least half of it): a media send never starts after its TIMEOUT result. */
    static java.time.Duration mediaDeadline(java.time.Duration commandTimeout) {
        java.time.Duration lessTwo = commandTimeout.minusSeconds(2);
        java.time.Duration half = commandTimeout.dividedBy(2);
        return lessTwo.compareTo(half) > 0 ? lessTwo : half;
    }

    /** True once the consumer has its partitions. */
    public boolean ready() {
        return consumer.assigned();
    }

    @Override
    public void close() {
        consumer.close();
        executor.shutdownNow();
        history.close();
        mediaWork.shutdownNow();
    }
}
