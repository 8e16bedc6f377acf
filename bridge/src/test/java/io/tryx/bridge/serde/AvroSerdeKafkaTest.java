package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.testkit.Drain;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testschema.Greeting;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Avro records through a real topic, framed with ids from the real registry. */
@ExtendWith(KafkaExtension.class)
class AvroSerdeKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestEnvironment env;
    private final SchemaRegistryClient registry;

    AvroSerdeKafkaTest(KafkaTestEnvironment env) {
        this.env = env;
        this.registry = env.registryClient();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    static Greeting greeting(int n) {
        return Greeting.newBuilder().setId("g" + n).setSender("alice@s.whatsapp.net").setText("hello " + n).setCount(n).build();
    }

    @Test
    void specificRecordsRoundTripThroughATopicWithAnIdempotentProducer() {
        String topic = env.newTopic("greetings", 3);
        List<Greeting> sent = IntStream.range(0, 50).mapToObj(AvroSerdeKafkaTest::greeting).toList();

        try (AvroSerde<Greeting> serde = AvroSerdes.specific(Greeting.class, registry, AvroSerdeOptions.DEFAULTS);
             KafkaProducer<String, Greeting> producer = new KafkaProducer<>(env.producerConfig(), new StringSerializer(), serde.serializer());
             KafkaConsumer<String, Greeting> consumer = new KafkaConsumer<>(env.consumerConfig("specific"), new StringDeserializer(), serde.deserializer())) {
            sent.forEach(g -> producer.send(new ProducerRecord<>(topic, g.getId(), g)));
            producer.flush();
            consumer.subscribe(List.of(topic));

            List<Greeting> received = Drain.records(consumer, sent.size(), WAIT).stream().map(ConsumerRecord::value).toList();

            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(registry.latest(topic + "-value").schema()).isEqualTo(Greeting.getClassSchema());
        }
    }

    @Test
    void aConsumerWithOnlyTheRegistryReadsWhatASpecificSerializerWrote() {
        String topic = env.newTopic("greetings-generic", 1);
        try (AvroSerde<Greeting> writer = AvroSerdes.specific(Greeting.class, registry, AvroSerdeOptions.DEFAULTS);
             KafkaProducer<String, Greeting> producer = new KafkaProducer<>(env.producerConfig(), new StringSerializer(), writer.serializer())) {
            producer.send(new ProducerRecord<>(topic, "g7", greeting(7)));
            producer.flush();
        }
        // a consumer configured the Kafka way: deserializer class + registry URL, no generated classes
        Map<String, Object> config = env.consumerConfig("generic");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, env.registryUrl());
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            GenericRecord record = Drain.records(consumer, 1, WAIT).getFirst().value();

            assertThat(record.getSchema().getFullName()).isEqualTo("io.tryx.bridge.testschema.Greeting");
            assertThat(record.get("text")).hasToString("hello 7");
            assertThat(record.get("count")).isEqualTo(7);
        }
    }

    @Test
    void producerAndConsumerConfiguredByPropertiesUseRecordNameSubjectsAndSpecificReading() {
        String topic = env.newTopic("greetings-props", 1);
        Map<String, Object> producerConfig = env.producerConfig();
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        producerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, env.registryUrl());
        producerConfig.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        try (KafkaProducer<String, Greeting> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "g3", greeting(3)));
            producer.flush();
        }
        Map<String, Object> consumerConfig = env.consumerConfig("props");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
        consumerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, env.registryUrl());
        consumerConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            SpecificRecord value = Drain.records(consumer, 1, WAIT).getFirst().value();

            assertThat(value).isEqualTo(greeting(3));
        }
        assertThat(registry.subjects()).contains("io.tryx.bridge.testschema.Greeting").doesNotContain(topic + "-value");
    }

    @Test
    void keysUseTheKeySubjectAndTombstonesStayNull() {
        String topic = env.newTopic("keyed", 1);
        AvroSerializer<Greeting> keys = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, true);
        AvroDeserializer<Greeting> reader = new AvroDeserializer<>(registry, AvroReadMode.specific(Greeting.class));

        byte[] key = keys.serialize(topic, greeting(1));

        assertThat(registry.versions(topic + "-key")).containsExactly(1);
        assertThat(reader.deserialize(topic, key)).isEqualTo(greeting(1));
        assertThat(keys.serialize(topic, null)).isNull();
        assertThat(reader.deserialize(topic, null)).isNull();
    }
}
