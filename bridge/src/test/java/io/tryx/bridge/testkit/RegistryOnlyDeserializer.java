package io.tryx.bridge.testkit;

import io.tryx.bridge.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a third-party consumer of the bridge's topics does with nothing but the schema registry (the equivalent of
 * Confluent's {@code KafkaAvroDeserializer} in generic mode): read the Confluent frame (magic byte 0, 4-byte schema
 * id), fetch the writer schema by id from the registry and decode the body with Avro's plain {@link GenericData}
 * (no generated classes, no logical-type conversions: timestamps are longs, strings {@code Utf8}). Independent of the
 * bridge's own serde on purpose.
 */
public final class RegistryOnlyDeserializer implements Deserializer<GenericRecord> {

    private final SchemaRegistryClient registry;
    private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

    public RegistryOnlyDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        if (data.length < 5 || buffer.get() != 0) {
            throw new IllegalArgumentException("not a Confluent-framed Avro record on " + topic);
        }
        int id = buffer.getInt();
        GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(id, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
        try {
            GenericRecord record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IllegalArgumentException("trailing bytes after the record on " + topic);
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GenericDatumReader<GenericRecord> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        return new GenericDatumReader<>(writer, writer, new GenericData());
    }
}
