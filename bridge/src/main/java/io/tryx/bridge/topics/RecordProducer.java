package io.tryx.bridge.topics;

import io.tryx.bridge.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bridge's one Kafka producer (idempotent, {@code acks=all}) with the Avro serializer of the contract:
 * values in the Confluent wire format under the topic's {@code <topic>-value} subject, keys as given (UTF-8
 * strings, or raw bytes for dead letters). {@link #send} completes when the broker acknowledged the record, or
 * exceptionally (also when the value cannot be serialized or the registry is down). Thread-safe.
 */
public final class RecordProducer implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final AvroSerializer<SpecificRecord> values;

    public RecordProducer(Producer<byte[], byte[]> producer, AvroSerializer<SpecificRecord> values) {
        this.producer = producer;
        this.values = values;
    }

    /** Sends {@code value} keyed by the UTF-8 bytes of {@code key}. */
    public CompletableFuture<RecordMetadata> send(String topic, String key, SpecificRecord value) {
        return send(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** {@code value} in the contract's wire format for {@code topic} (registers its schema when needed). */
    public byte[] serialize(String topic, SpecificRecord value) {
        return values.serialize(topic, value);
    }

    /** Sends {@code value} keyed by {@code key} as is (may be null). */
    public CompletableFuture<RecordMetadata> send(String topic, byte[] key, SpecificRecord value) {
        return send(topic, key, value, List.of());
    }

    /** Sends {@code value} keyed by the UTF-8 bytes of {@code key}, with record headers. */
    public CompletableFuture<RecordMetadata> send(String topic, String key, SpecificRecord value, List<Header> headers) {
        return send(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers);
    }

    private CompletableFuture<RecordMetadata> send(String topic, byte[] key, SpecificRecord value, List<Header> headers) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            byte[] bytes = values.serialize(topic, value);
            producer.send(new ProducerRecord<>(topic, null, key, bytes, headers), (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Sends a record whose value is serialized already; completes when the broker acknowledged it. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Flushes and closes the producer (waiting for records in flight). */
    @Override
    public void close() {
        producer.close();
    }
}
