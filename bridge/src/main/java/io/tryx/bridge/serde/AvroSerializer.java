package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.registry.SchemaRegistryException;
import io.tryx.bridge.serde.AvroSerdeException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro records ({@link SpecificRecord} or {@code GenericRecord}) in the Confluent wire format. The
 * record's own schema is the writer schema: it is registered under the subject the
 * {@link SubjectNameStrategy} names (or, without auto-registration, looked up) and its id goes into the header.
 * {@code null} stays {@code null} (tombstones). Thread-safe. Either construct it with a client, or with no
 * arguments and let Kafka call {@link #configure} with the {@link AvroSerdeConfig} properties.
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeOptions options;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroSerializer() {
    }

    /** A configured serializer sharing {@code client} (which it does not close). */
    public AvroSerializer(SchemaRegistryClient client, AvroSerdeOptions options, boolean isKey) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client != null) {
            throw new IllegalStateException("serializer is already configured");
        }
        AvroSerdeConfig config = AvroSerdeConfig.fromMap(configs, isKey);
        this.client = config.client();
        this.ownsClient = config.ownsClient();
        this.options = config.options();
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("serializer is not configured");
        }
        Schema schema = data.getSchema();
        int id = schemaId(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(WireFormat.header(id));
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(data, schema).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new AvroSerdeException(Reason.UNWRITABLE_VALUE, topic, id,
                    "cannot write " + schema.getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        String subject;
        try {
            subject = options.subjectNames().subject(topic, isKey, schema);
        } catch (IllegalArgumentException e) {
            throw new AvroSerdeException(Reason.UNWRITABLE_VALUE, topic, -1, e.getMessage(), e);
        }
        try {
            return options.autoRegister() ? client.register(subject, schema) : client.idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            Reason reason = e.isTransient() ? Reason.REGISTRY_UNAVAILABLE : Reason.REGISTRY_REJECTED;
            throw new AvroSerdeException(reason, topic, -1, "subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writerFor(T data, Schema schema) {
        if (data instanceof SpecificRecord) {
            return specificWriters.computeIfAbsent(schema, SpecificDatumWriter::new);
        }
        return genericWriters.computeIfAbsent(schema, GenericDatumWriter::new);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
