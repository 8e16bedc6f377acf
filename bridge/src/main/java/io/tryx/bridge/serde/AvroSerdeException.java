package io.tryx.bridge.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.util.Objects;

/**
 * Why an Avro record could not be written or read, as a Kafka {@link SerializationException} so that
 * consumers report it as a {@code RecordDeserializationException} (and can seek past the record) and
 * Kafka Streams hands it to its deserialization exception handler instead of dying.
 */
public final class AvroSerdeException extends SerializationException {

    /** The kind of failure. */
    public enum Reason {
        /** The first byte is not the Confluent wire-format magic byte 0. */
        BAD_MAGIC,
        /** Fewer than the 5 header bytes. */
        TRUNCATED,
        /** The registry does not know the schema id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The Avro body does not decode with the writer schema (bad lengths, truncated, trailing bytes). */
        CORRUPT_PAYLOAD,
        /** The writer schema cannot be read into the reader's schema. */
        INCOMPATIBLE_SCHEMA,
        /** No generated class on the class path for the writer schema (specific reading by writer name). */
        NO_SPECIFIC_CLASS,
        /** The registry could not be reached or kept failing (transient; the same bytes may decode later). */
        REGISTRY_UNAVAILABLE,
        /** The registry refused the schema (incompatible, invalid, not registered, unauthorized). */
        REGISTRY_REJECTED,
        /** The value is not an Avro record or does not match its own schema. */
        UNWRITABLE_VALUE
    }

    private final Reason reason;
    private final String topic;
    private final int schemaId;

    public AvroSerdeException(Reason reason, String topic, int schemaId, String message, Throwable cause) {
        super(reason + " (topic " + topic + (schemaId >= 0 ? ", schema id " + schemaId : "") + "): " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.topic = topic;
        this.schemaId = schemaId;
    }

    public Reason reason() {
        return reason;
    }

    /** The topic of the record (may be null when the caller gave none). */
    public String topic() {
        return topic;
    }

    /** The schema id involved, -1 when none is known. */
    public int schemaId() {
        return schemaId;
    }
}
