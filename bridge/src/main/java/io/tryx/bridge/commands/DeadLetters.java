package io.tryx.bridge.commands;

import io.tryx.bridge.topics.RecordProducer;
import io.tryx.commands.v1.DeadLetter;
import io.tryx.commands.v1.DeadLetterReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/** Puts a consumed record the bridge cannot take on the dead-letter topic: its raw bytes, where it came from, why. */
final class DeadLetters {

    private final RecordProducer producer;
    private final String topic;
    private final InstantSource clock;

    DeadLetters(RecordProducer producer, String topic, InstantSource clock) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    /**
     * The dead letter for {@code record}, keyed by its original key bytes, serialized for the dead-letter topic.
     *
     * @throws RuntimeException when it cannot be serialized (the registry is unavailable)
     */
    ProducerRecord<byte[], byte[]> letter(ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String detail) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setOriginalTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setReason(reason)
                .setDetail(detail)
                .setTimestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .build();
        return new ProducerRecord<>(topic, null, record.key(), producer.serialize(topic, letter));
    }
}
