package io.tryx.bridge.serde;

import io.tryx.bridge.serde.AvroSerdeException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

import java.util.Objects;
import java.util.Optional;

/**
 * What a deserializer turns bytes into. The writer schema always comes from the registry by the id in the
 * header; the reader schema is the generated class's own ({@link Specific}), a given one or the writer's
 * ({@link Generic}), or the class generated for the writer's full name ({@link SpecificByWriterName}).
 * Avro schema resolution then fills added fields with their defaults and drops removed ones.
 */
public sealed interface AvroReadMode<T> {

    /** A reader from {@code writer} to this mode's reader schema. */
    DatumReader<T> readerFor(Schema writer, String topic, int schemaId);

    /** Generic records in the writer's schema. */
    static AvroReadMode<GenericRecord> generic() {
        return new Generic(Optional.empty());
    }

    /** Generic records projected onto {@code readerSchema}. */
    static AvroReadMode<GenericRecord> generic(Schema readerSchema) {
        return new Generic(Optional.of(readerSchema));
    }

    /** Instances of the generated class {@code type}. */
    static <T extends SpecificRecord> AvroReadMode<T> specific(Class<T> type) {
        return new Specific<>(type);
    }

    /** Generic records; with a reader schema, resolved from the writer schema to it. */
    record Generic(Optional<Schema> readerSchema) implements AvroReadMode<GenericRecord> {
        public Generic {
            Objects.requireNonNull(readerSchema, "readerSchema");
        }

        @Override
        public DatumReader<GenericRecord> readerFor(Schema writer, String topic, int schemaId) {
            Schema reader = readerSchema.orElse(writer);
            requireReadable(reader, writer, topic, schemaId);
            return new GenericDatumReader<>(writer, reader);
        }
    }

    /** Instances of one generated {@link SpecificRecord} class, whose compiled schema is the reader schema. */
    record Specific<T extends SpecificRecord>(Class<T> type) implements AvroReadMode<T> {
        public Specific {
            Objects.requireNonNull(type, "type");
        }

        /** The compiled schema of the class. */
        public Schema readerSchema() {
            return SpecificData.getForClass(type).getSchema(type);
        }

        @Override
        public DatumReader<T> readerFor(Schema writer, String topic, int schemaId) {
            SpecificData data = SpecificData.getForClass(type);
            Schema reader = data.getSchema(type);
            requireReadable(reader, writer, topic, schemaId);
            return new SpecificDatumReader<>(writer, reader, data);
        }
    }

    /** Instances of whichever generated class has the writer schema's full name (Confluent's {@code specific.avro.reader}). */
    record SpecificByWriterName() implements AvroReadMode<SpecificRecord> {
        @Override
        public DatumReader<SpecificRecord> readerFor(Schema writer, String topic, int schemaId) {
            SpecificData data = SpecificData.get();
            Class<?> type = writer.getType() == Schema.Type.RECORD ? data.getClass(writer) : null;
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                throw new AvroSerdeException(Reason.NO_SPECIFIC_CLASS, topic, schemaId,
                        "no generated class for " + writer.getFullName(), null);
            }
            Schema reader = data.getSchema(type);
            requireReadable(reader, writer, topic, schemaId);
            return new SpecificDatumReader<>(writer, reader, data);
        }
    }

    /** Type, location and message of the first incompatibilities, without the (possibly huge) schemas. */
    private static String describe(java.util.List<SchemaCompatibility.Incompatibility> incompatibilities) {
        String listed = incompatibilities.stream().limit(5)
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + clip(i.getMessage()) + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        return incompatibilities.size() > 5 ? listed + "; and " + (incompatibilities.size() - 5) + " more" : listed;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static void requireReadable(Schema reader, Schema writer, String topic, int schemaId) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new AvroSerdeException(Reason.INCOMPATIBLE_SCHEMA, topic, schemaId,
                    "writer " + writer.getFullName() + " cannot be read as " + reader.getFullName() + ": "
                            + describe(result.getResult().getIncompatibilities()), null);
        }
    }
}
