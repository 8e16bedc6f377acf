package io.tryx.bridge.commands;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The consumer of the command topic ({@code read_committed}, no auto commit), on a thread of its own. How a polled
 * batch is processed depends on the {@link CommandOutputs}:
 * <ul>
 *   <li>acknowledged outputs: the commands of one key (one account) in order and different accounts in parallel;
 *       once every command's result or dead letter was acknowledged, the batch's offsets are committed (at least
 *       once: a crash in between redelivers the batch and the {@link ResultMemo} answers repeats with their first
 *       result);</li>
 *   <li>transactional outputs: the commands of one partition in order and partitions in parallel, each command's
 *       output committed with its offset in one transaction, so a command is done exactly once its result is
 *       visible (offsets of a partition only ever move forward).</li>
 * </ul>
 * When Kafka does not take an output, the consumer seeks back to the first command not done and tries again after a
 * pause. Nothing a record contains stops it.
 */
public final class CommandConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final CommandProcessor processor;
    private final CommandMetrics metrics;
    private final Executor executor;
    private final boolean transactional;
    private final CommandPartitions ownership;
    private final Runnable beforeTaking;
    private final Thread thread;
    private final Object pause = new Object();
    private volatile boolean running = true;
    private volatile boolean assigned;

    /** @param beforeTaking run on this consumer's thread whenever partitions are assigned, before any is taken from */
    /** @param transactional whether the processor's outputs commit the records' offsets (see {@link CommandOutputs}) */
    CommandConsumer(Consumer<byte[], byte[]> consumer, String topic, CommandProcessor processor, CommandMetrics metrics,
                    Executor executor, boolean transactional, CommandPartitions ownership, Runnable beforeTaking) {
        this.consumer = consumer;
        this.topic = topic;
        this.processor = processor;
        this.metrics = metrics;
        this.executor = executor;
        this.transactional = transactional;
        this.ownership = ownership;
        this.beforeTaking = beforeTaking;
        this.thread = new Thread(this::run, "tryx-commands");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True once the group gave this consumer its partitions (it takes commands from then on). */
    public boolean assigned() {
        return assigned;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // offsets are committed per batch, nothing pending to save; the accounts go
                    if (!partitions.isEmpty()) {
                        LOG.info("giving up commands of {}", partitions);
                        ownership.revoked(numbers(partitions));
                    }
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    onPartitionsRevoked(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        try {
                            ownership.assigned(numbers(partitions));
                        } catch (RuntimeException e) {
                            metrics.kafkaError("ownership");
                            LOG.error("could not take the accounts of {} over", partitions, e);
                        }
                    }
                    try {
                        beforeTaking.run();
                    } catch (RuntimeException e) {
                        metrics.kafkaError("result-memo");
                        LOG.warn("could not read the results topic back; repeated command ids may be carried out again", e);
                    }
                    assigned = true;
                    LOG.info("taking commands from {}", partitions);
                }
            });
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    take(records);
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("command consumer stopped", e);
        } finally {
            assigned = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void take(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        Map<TopicPartition, Long> done = new ConcurrentHashMap<>();
        try {
            batch(records, consumer.groupMetadata(), done).get();
            if (!transactional) {
                consumer.commitSync(next);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetryLater later) {
                metrics.kafkaError("registry");
                LOG.warn("a command could not be decoded now; retrying the batch: {}", later.getMessage());
            } else {
                metrics.kafkaError("command-output");
                LOG.warn("Kafka did not take a command output; retrying the batch: {}", e.getCause().toString());
            }
            // transactional: what committed is done for good, the rest comes again; otherwise the whole batch comes again
            first.forEach((partition, offset) -> consumer.seek(partition,
                    transactional ? done.getOrDefault(partition, offset) : offset));
            pause();
        } catch (CommitFailedException e) {
            metrics.kafkaError("commit");
            LOG.warn("offset commit failed (rebalance); the batch comes again and is answered from memory: {}",
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * One chain per record key (per partition when transactional), in offset order; all chains at once. {@code done}
     * gets, per partition, the offset after the last record whose output completed.
     */
    private CompletableFuture<Void> batch(ConsumerRecords<byte[], byte[]> records, ConsumerGroupMetadata group,
                                          Map<TopicPartition, Long> done) {
        Map<String, CompletableFuture<Void>> chains = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String chain = record.key() == null || transactional ? "\u0000" + record.partition()
                    : new String(record.key(), StandardCharsets.UTF_8);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            CompletableFuture<Void> before = chains.getOrDefault(chain, CompletableFuture.completedFuture(null));
            chains.put(chain, before.thenComposeAsync(ok -> processor.process(record, group), executor)
                    .thenRun(() -> done.put(partition, record.offset() + 1)));
        }
        return CompletableFuture.allOf(chains.values().toArray(CompletableFuture[]::new));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }

    private void pause() {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(RETRY_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptException(e);
                }
            }
        }
    }

    /** Stops polling (a batch under way is abandoned uncommitted) and closes the consumer; idempotent. */
    @Override
    public void close() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
