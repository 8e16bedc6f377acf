package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

import java.util.Map;

/**
 * Factories of configured Avro serdes, e.g. for Kafka Streams:
 * {@code Consumed.with(Serdes.String(), AvroSerdes.specific(Greeting.class, config))}. The {@code config}
 * maps take the {@link AvroSerdeConfig} properties; pass one {@link SchemaRegistryClient} under
 * {@link AvroSerdeConfig#REGISTRY_CLIENT} to share it between serdes, otherwise each serde gets its own.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** A value serde of the generated class {@code type}. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> config) {
        return specific(type, config, false);
    }

    /** A key ({@code isKey}) or value serde of the generated class {@code type}. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> config, boolean isKey) {
        AvroSerdeConfig parsed = AvroSerdeConfig.fromMap(config, isKey);
        return specific(type, parsed.client(), parsed.options(), isKey, parsed.ownsClient() ? parsed.client() : null);
    }

    /** A value serde of the generated class {@code type} on a shared client. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client,
                                                                   AvroSerdeOptions options) {
        return specific(type, client, options, false, null);
    }

    private static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client,
                                                                    AvroSerdeOptions options, boolean isKey,
                                                                    SchemaRegistryClient owned) {
        return new AvroSerde<>(new AvroSerializer<>(client, options, isKey),
                new AvroDeserializer<>(client, AvroReadMode.specific(type)), owned);
    }

    /** A value serde of generic records read in their writer's schema. */
    public static AvroSerde<GenericRecord> generic(Map<String, ?> config) {
        AvroSerdeConfig parsed = AvroSerdeConfig.fromMap(config, false);
        return new AvroSerde<>(new AvroSerializer<>(parsed.client(), parsed.options(), false),
                new AvroDeserializer<>(parsed.client(), AvroReadMode.generic()),
                parsed.ownsClient() ? parsed.client() : null);
    }

    /** A value serde of generic records on a shared client, read as {@code readerSchema} (or the writer's when null). */
    public static AvroSerde<GenericRecord> generic(SchemaRegistryClient client, AvroSerdeOptions options, Schema readerSchema) {
        AvroReadMode<GenericRecord> mode = readerSchema == null ? AvroReadMode.generic() : AvroReadMode.generic(readerSchema);
        return new AvroSerde<>(new AvroSerializer<>(client, options, false), new AvroDeserializer<>(client, mode), null);
    }
}
