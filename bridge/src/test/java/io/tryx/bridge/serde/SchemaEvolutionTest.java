package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroSerdeException.Reason;
import io.tryx.bridge.testkit.Drain;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testschema.Greeting;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writers and readers on different versions of one record: the reader keeps its own schema, the writer's
 * comes from the registry by id, Avro resolution fills defaults and drops unknown fields.
 */
@ExtendWith(KafkaExtension.class)
class SchemaEvolutionTest {

    /** Greeting v2: a new field with a default (backward compatible). */
    static final Schema V2 = SchemaBuilder.record("Greeting").namespace("io.tryx.bridge.testschema").fields()
            .requiredString("id").requiredString("sender").requiredString("text").requiredInt("count")
            .name("lang").type().stringType().stringDefault("en")
            .endRecord();

    /** Greeting with a new field and no default: v1 data cannot be read into it, nor may it be registered. */
    static final Schema NO_DEFAULT = SchemaBuilder.record("Greeting").namespace("io.tryx.bridge.testschema").fields()
            .requiredString("id").requiredString("sender").requiredString("text").requiredInt("count")
            .requiredLong("sentAt")
            .endRecord();

    private final KafkaTestEnvironment env;
    private final SchemaRegistryClient registry;

    SchemaEvolutionTest(KafkaTestEnvironment env) {
        this.env = env;
        this.registry = env.registryClient();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void oldAndNewWritersOnOneTopicAreReadByOldAndNewReaders() {
        String topic = env.newTopic("evolving", 1);
        AvroSerializer<Greeting> v1Writer = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false);
        AvroSerializer<GenericRecord> v2Writer = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false);
        GenericRecord newer = new GenericData.Record(V2);
        newer.put("id", "g2");
        newer.put("sender", "bob@s.whatsapp.net");
        newer.put("text", "olá");
        newer.put("count", 2);
        newer.put("lang", "pt");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(env.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, v1Writer.serialize(topic, AvroSerdeKafkaTest.greeting(1))));
            producer.send(new ProducerRecord<>(topic, v2Writer.serialize(topic, newer)));
            producer.flush();
        }
        assertThat(registry.versions(topic + "-value")).containsExactly(1, 2);

        List<byte[]> values;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(env.consumerConfig("evolution"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            values = Drain.records(consumer, 2, Duration.ofSeconds(30)).stream().map(ConsumerRecord::value).toList();
        }

        AvroDeserializer<Greeting> v1Reader = new AvroDeserializer<>(registry, AvroReadMode.specific(Greeting.class));
        assertThat(v1Reader.deserialize(topic, values.get(0))).isEqualTo(AvroSerdeKafkaTest.greeting(1));
        Greeting droppedLang = v1Reader.deserialize(topic, values.get(1));
        assertThat(droppedLang.getText()).isEqualTo("olá");
        assertThat(droppedLang.getSchema().getField("lang")).isNull();

        AvroDeserializer<GenericRecord> v2Reader = new AvroDeserializer<>(registry, AvroReadMode.generic(V2));
        GenericRecord defaulted = v2Reader.deserialize(topic, values.get(0));
        assertThat(defaulted.get("lang")).hasToString("en");
        assertThat(defaulted.get("text")).hasToString("hello 1");
        assertThat(v2Reader.deserialize(topic, values.get(1)).get("lang")).hasToString("pt");
    }

    @Test
    void aReaderThatNeedsAFieldTheWriterLacksGetsIncompatibleSchema() {
        String topic = env.newTopic("evolving-bad-reader", 1);
        byte[] v1 = new AvroSerializer<Greeting>(registry, AvroSerdeOptions.DEFAULTS, false)
                .serialize(topic, AvroSerdeKafkaTest.greeting(1));
        AvroDeserializer<GenericRecord> reader = new AvroDeserializer<>(registry, AvroReadMode.generic(NO_DEFAULT));

        assertThatThrownBy(() -> reader.deserialize(topic, v1))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA);
                    assertThat(e.getMessage()).contains("sentAt");
                });
    }

    @Test
    void aWriterWithAnIncompatibleSchemaIsRejectedByTheRegistry() {
        String topic = env.newTopic("evolving-bad-writer", 1);
        new AvroSerializer<Greeting>(registry, AvroSerdeOptions.DEFAULTS, false).serialize(topic, AvroSerdeKafkaTest.greeting(1));
        GenericRecord breaking = new GenericData.Record(NO_DEFAULT);
        breaking.put("id", "x");
        breaking.put("sender", "s");
        breaking.put("text", "t");
        breaking.put("count", 1);
        breaking.put("sentAt", 5L);
        AvroSerializer<GenericRecord> writer = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false);

        assertThatThrownBy(() -> writer.serialize(topic, breaking))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REGISTRY_REJECTED);
                    assertThat(e.getCause()).hasMessageContaining("409");
                });
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaIsRejected() {
        String topic = env.newTopic("no-auto-register", 1);
        AvroSerializer<Greeting> writer = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS.withAutoRegister(false), false);

        assertThatThrownBy(() -> writer.serialize(topic, AvroSerdeKafkaTest.greeting(1)))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REGISTRY_REJECTED));

        registry.register(topic + "-value", Greeting.getClassSchema());
        assertThat(writer.serialize(topic, AvroSerdeKafkaTest.greeting(1))).startsWith(WireFormat.MAGIC);
    }

    @Test
    void aRecordThatBreaksItsOwnSchemaIsUnwritable() {
        String topic = env.newTopic("unwritable", 1);
        GenericRecord missingText = new GenericData.Record(V2);
        missingText.put("id", "x");
        missingText.put("sender", "s");
        missingText.put("count", 1);
        AvroSerializer<GenericRecord> writer = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false);

        assertThatThrownBy(() -> writer.serialize(topic, missingText))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNWRITABLE_VALUE));
    }
}
