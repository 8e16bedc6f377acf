package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Objects;

/**
 * An {@link AvroSerializer} and {@link AvroDeserializer} pair as one Kafka {@link Serde}, ready to pass to
 * Kafka Streams ({@code Consumed.with}, {@code Produced.with}) or to client constructors. Built by
 * {@link AvroSerdes}; closing it closes the registry client when the serde created it.
 */
public final class AvroSerde<T extends GenericContainer> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;
    private final SchemaRegistryClient ownedClient;

    AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer, SchemaRegistryClient ownedClient) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.ownedClient = ownedClient;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
        if (ownedClient != null) {
            ownedClient.close();
        }
    }
}
