package io.tryx.bridge.state;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads partitions of the state topic from the beginning to their end as a {@code read_committed} consumer sees
 * it (the last stable offset): records of aborted or still open transactions are never seen. One short-lived
 * consumer per read; restores are rare (an account opened, or reloaded after a failed transaction).
 */
final class ChangelogReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> clientProperties;
    private final String topic;
    private final Duration timeout;

    ChangelogReader(Map<String, Object> clientProperties, String topic, Duration timeout) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The state of {@code accountId}, from its partition. */
    MaterializedState account(int partition, String accountId) {
        MaterializedState state = new MaterializedState();
        String prefix = StateKeys.prefix(accountId);
        read(List.of(partition), (key, value) -> {
            if (key.startsWith(prefix)) {
                String entryKey = key.substring(prefix.length());
                state.apply(value == null ? StateOp.delete(entryKey) : new StateOp(entryKey, StateEntryCodec.decode(value)));
            }
        });
        return state;
    }

    /** The state of every account of {@code partition}, in one read of it. */
    Map<String, MaterializedState> partition(int partition) {
        Map<String, MaterializedState> accounts = new HashMap<>();
        read(List.of(partition), (key, value) -> StateKeys.split(key).ifPresent(split -> {
            MaterializedState state = accounts.computeIfAbsent(split.accountId(), id -> new MaterializedState());
            state.apply(value == null ? StateOp.delete(split.entryKey())
                    : new StateOp(split.entryKey(), StateEntryCodec.decode(value)));
        }));
        return accounts;
    }

    /** Whether each account found in the partitions has credentials at the end (its last credentials record is not a tombstone). */
    Map<String, Boolean> credentials(List<Integer> partitions) {
        Map<String, Boolean> accounts = new HashMap<>();
        read(partitions, (key, value) -> StateKeys.split(key).ifPresent(split -> {
            if (split.entryKey().equals(StateEntry.Credentials.KEY)) {
                accounts.put(split.accountId(), value != null);
            }
        }));
        return accounts;
    }

    private void read(List<Integer> partitions, BiConsumer<String, byte[]> sink) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new io.tryx.protocol.store.StoreException("reading " + topic + " " + partitions
                            + " did not reach its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.key() != null) {
                        sink.accept(new String(record.key(), StandardCharsets.UTF_8), record.value());
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new io.tryx.protocol.store.StoreException("cannot read the state topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
