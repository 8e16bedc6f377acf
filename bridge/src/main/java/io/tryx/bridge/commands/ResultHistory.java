package io.tryx.bridge.commands;

import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.commands.v1.CommandResult;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the {@link ResultMemo} from the results topic, so a command id answered before a restart (or by another
 * bridge of the group, before a rebalance) is not carried out again. {@link #catchUp} reads every partition from
 * where it stopped last time (the first time: from the first result younger than the window) up to the end offsets
 * seen when it was called, and remembers each result under its account and command id with the action named by its
 * {@link #ACTION_HEADER} header. Results that do not decode are skipped. Used by the command consumer's thread only.
 */
final class ResultHistory implements AutoCloseable {

    /** Header of every result record: the action it answers ({@code namespace.Action}), for {@code CONFLICT} checks. */
    static final String ACTION_HEADER = "tryx.action";

    private static final Logger LOG = LoggerFactory.getLogger(ResultHistory.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final AvroDeserializer<CommandResult> decoder;
    private final ResultMemo memo;
    private final Duration window;
    private final InstantSource clock;
    private final Set<TopicPartition> started = new HashSet<>();

    /** @param consumer a consumer of its own (no group, no auto commit); closed with this history */
    ResultHistory(Consumer<byte[], byte[]> consumer, String topic, AvroDeserializer<CommandResult> decoder, ResultMemo memo,
                  Duration window, InstantSource clock) {
        this.consumer = consumer;
        this.topic = topic;
        this.decoder = decoder;
        this.memo = memo;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Reads the results published since the last call (or within the window, the first time) up to the current end;
     * returns how many it remembered. Gives up after {@code timeout} with what it has (logged).
     */
    int catchUp(Duration timeout) {
        long begin = System.nanoTime();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        startNewPartitions(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        int remembered = 0;
        long deadline = begin + timeout.toNanos();
        while (behind(end)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("results topic {} not read to its end within {}; repeated command ids older than what was read "
                        + "may be carried out again", topic, timeout);
                break;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                remembered += remember(record) ? 1 : 0;
            }
        }
        LOG.info("result memo: {} result(s) read back from {} in {} ms ({} remembered)", remembered, topic,
                (System.nanoTime() - begin) / 1_000_000, memo.size());
        return remembered;
    }

    private void startNewPartitions(List<TopicPartition> partitions) {
        Set<TopicPartition> fresh = new HashSet<>(partitions);
        fresh.removeAll(started);
        if (fresh.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        long since = clock.instant().minus(window).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        fresh.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : fresh) {
            OffsetAndTimestamp first = offsets.get(partition);
            if (first == null) {
                consumer.seekToEnd(List.of(partition)); // nothing younger than the window
            } else {
                consumer.seek(partition, first.offset());
            }
        }
        started.addAll(fresh);
    }

    private boolean behind(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return true;
            }
        }
        return false;
    }

    private boolean remember(ConsumerRecord<byte[], byte[]> record) {
        CommandResult result;
        try {
            result = decoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("result {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return false;
        }
        if (result == null) {
            return false;
        }
        Header action = record.headers().lastHeader(ACTION_HEADER);
        memo.remember(result.getAccount(), result.getCommandId(),
                action == null ? null : new String(action.value(), StandardCharsets.UTF_8), result);
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
