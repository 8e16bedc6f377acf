package io.tryx.bridge.commands;

import io.tryx.bridge.topics.RecordProducer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where the one output of a command record (its result or its dead letter) goes, and what makes the record done:
 * <ul>
 *   <li>{@link Acknowledged}: the output is sent by the bridge's idempotent producer; the consumer commits the
 *       offsets after the batch (at least once; the result memo answers a redelivered command);</li>
 *   <li>{@link Transactional} (the Kafka store): the output and the record's offset commit in one transaction of the
 *       account's partition, the producer its state commits through, so a command is done exactly when its result is
 *       visible to {@code read_committed} consumers.</li>
 * </ul>
 */
public sealed interface CommandOutputs {

    /**
     * Sends {@code output} for {@code source} (taken by a consumer of {@code group}); completes once it is durable
     * (and, when {@link #commitsOffsets()}, the source's offset committed with it).
     */
    CompletableFuture<Void> emit(ConsumerRecord<byte[], byte[]> source, ConsumerGroupMetadata group,
                                 ProducerRecord<byte[], byte[]> output);

    /** True when {@link #emit} commits the source's offset itself (the consumer commits none). */
    boolean commitsOffsets();

    /** Commits records and consumer offsets in one transaction of a partition of the state topic. */
    @FunctionalInterface
    interface PartitionTransactions {
        CompletableFuture<Void> commit(int partition, List<ProducerRecord<byte[], byte[]>> records,
                                       Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group);
    }

    /** At least once: outputs acknowledged by the idempotent producer, offsets committed by the consumer. */
    record Acknowledged(RecordProducer producer) implements CommandOutputs {
        @Override
        public CompletableFuture<Void> emit(ConsumerRecord<byte[], byte[]> source, ConsumerGroupMetadata group,
                                            ProducerRecord<byte[], byte[]> output) {
            return producer.send(output).thenApply(metadata -> null);
        }

        @Override
        public boolean commitsOffsets() {
            return false;
        }
    }

    /** Exactly once: each output with its source's next offset, in a transaction of the source's partition. */
    record Transactional(PartitionTransactions transactions) implements CommandOutputs {
        @Override
        public CompletableFuture<Void> emit(ConsumerRecord<byte[], byte[]> source, ConsumerGroupMetadata group,
                                            ProducerRecord<byte[], byte[]> output) {
            TopicPartition partition = new TopicPartition(source.topic(), source.partition());
            return transactions.commit(source.partition(), List.of(output),
                    Map.of(partition, new OffsetAndMetadata(source.offset() + 1)), group);
        }

        @Override
        public boolean commitsOffsets() {
            return true;
        }
    }
}
