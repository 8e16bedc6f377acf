package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.registry.SchemaRegistryException;
import io.tryx.bridge.serde.AvroSerdeException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Confluent-framed Avro: checks the magic byte, fetches the writer schema by the id in the header
 * (cached), resolves it to the {@link AvroReadMode}'s reader schema and decodes the body with a decoder that
 * refuses lengths the payload cannot hold. Every failure is an {@link AvroSerdeException} with a
 * {@link Reason}; nothing else escapes, so one bad record never takes the consumer down. {@code null} stays
 * {@code null}. Thread-safe. Constructed without arguments (Kafka's reflective path), {@link #configure}
 * reads {@link AvroSerdeConfig}: generic records, or specific ones with {@code specific.avro.reader=true}.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroReadMode<? extends T> mode;
    private final Map<Integer, DatumReader<? extends T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroDeserializer() {
    }

    /** A configured deserializer sharing {@code client} (which it does not close). */
    public AvroDeserializer(SchemaRegistryClient client, AvroReadMode<? extends T> mode) {
        this.client = Objects.requireNonNull(client, "client");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client != null) {
            throw new IllegalStateException("deserializer is already configured");
        }
        AvroSerdeConfig config = AvroSerdeConfig.fromMap(configs, isKey);
        this.client = config.client();
        this.ownsClient = config.ownsClient();
        // the reflective path has no type to check against: T is whatever the caller declared
        this.mode = (AvroReadMode<? extends T>) (config.specificReader()
                ? new AvroReadMode.SpecificByWriterName() : AvroReadMode.generic());
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("deserializer is not configured");
        }
        int id = WireFormat.schemaId(data, topic);
        DatumReader<? extends T> reader = readerFor(id, topic);
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE);
        T value;
        try {
            value = reader.read(null, decoder);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new AvroSerdeException(Reason.CORRUPT_PAYLOAD, topic, id, describe(e), e);
        }
        if (decoder.remaining() != 0) {
            throw new AvroSerdeException(Reason.CORRUPT_PAYLOAD, topic, id,
                    decoder.remaining() + " bytes left after the record", null);
        }
        return value;
    }

    private DatumReader<? extends T> readerFor(int id, String topic) {
        DatumReader<? extends T> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = client.schemaById(id);
        } catch (SchemaRegistryException e) {
            Reason reason = e.isSchemaNotFound() || e.status() == 404 ? Reason.UNKNOWN_SCHEMA_ID
                    : e.isTransient() ? Reason.REGISTRY_UNAVAILABLE : Reason.REGISTRY_REJECTED;
            throw new AvroSerdeException(reason, topic, id, e.getMessage(), e);
        }
        DatumReader<? extends T> reader = mode.readerFor(writer, topic, id);
        readers.putIfAbsent(id, reader);
        return reader;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
