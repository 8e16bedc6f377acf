package io.tryx.bridge.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Reads a whole topic (every partition from the beginning, no consumer group) with a plain {@link KafkaConsumer}
 * ({@code read_committed}: records of aborted transactions are never seen) and keeps what it read, so tests can wait for a record matching a condition. Not thread-safe: poll from the test.
 */
public final class Tail<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new CopyOnWriteArrayList<>();

    public Tail(String bootstrapServers, String topic, Deserializer<V> values) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is there now. */
    public List<ConsumerRecord<String, V>> poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** Everything read so far. */
    public List<ConsumerRecord<String, V>> seen() {
        return List.copyOf(seen);
    }

    /** Waits (polling) until a record matches; returns the first that does. */
    public ConsumerRecord<String, V> await(Predicate<ConsumerRecord<String, V>> condition, Duration within) {
        return Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> poll().stream().filter(condition).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** Waits until {@code count} records match; returns them in order. */
    public List<ConsumerRecord<String, V>> await(Predicate<ConsumerRecord<String, V>> condition, int count, Duration within) {
        return Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> poll().stream().filter(condition).toList(), l -> l.size() >= count);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
