package io.tryx.bridge.streams;

import io.tryx.bridge.serde.AvroSerde;
import io.tryx.bridge.serde.AvroSerdeConfig;
import io.tryx.bridge.serde.AvroSerdes;
import io.tryx.bridge.testkit.Drain;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testschema.Greeting;
import io.tryx.bridge.testschema.Shout;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Kafka Streams application on the shared broker, with exactly-once processing: reads Avro greetings,
 * drops empty ones, turns the rest into shouts, writes Avro. A corrupt input record is logged and skipped by
 * the deserialization exception handler instead of stopping the application.
 */
@ExtendWith(KafkaExtension.class)
class AvroStreamsTopologyTest {

    private final KafkaTestEnvironment env;

    AvroStreamsTopologyTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    private static Greeting greeting(String id, String text, int count) {
        return Greeting.newBuilder().setId(id).setSender("carol@s.whatsapp.net").setText(text).setCount(count).build();
    }

    @Test
    void filtersAndMapsAvroRecordsEndToEnd(@TempDir Path stateDir) {
        String input = env.newTopic("streams-in", 2);
        String output = env.newTopic("streams-out", 2);
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, env.registryUrl());

        try (AvroSerde<Greeting> greetings = AvroSerdes.specific(Greeting.class, serdeConfig);
             AvroSerde<Shout> shouts = AvroSerdes.specific(Shout.class, serdeConfig)) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input, Consumed.with(Serdes.String(), greetings))
                    .filter((key, greeting) -> greeting.getCount() > 0)
                    .mapValues(greeting -> Shout.newBuilder()
                            .setId(greeting.getId())
                            .setText(greeting.getText().toUpperCase(Locale.ROOT))
                            .setLength(greeting.getText().length())
                            .build())
                    .to(output, Produced.with(Serdes.String(), shouts));

            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "shouter-" + input);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers());
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

            try (KafkaProducer<String, Greeting> producer = new KafkaProducer<>(env.producerConfig(), new StringSerializer(), greetings.serializer());
                 KafkaProducer<String, byte[]> raw = new KafkaProducer<>(env.producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(input, "a", greeting("a", "hi there", 1)));
                producer.send(new ProducerRecord<>(input, "b", greeting("b", "nobody", 0)));
                producer.flush();
                raw.send(new ProducerRecord<>(input, "a", new byte[]{9, 9, 9})).get();
                producer.send(new ProducerRecord<>(input, "a", greeting("c", "bom dia", 3)));
                producer.flush();
            } catch (Exception e) {
                throw new AssertionError("producing the input failed", e);
            }

            try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
                streams.start();
                Map<String, Object> consumerConfig = env.consumerConfig("shout-reader");
                consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                try (KafkaConsumer<String, Shout> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), shouts.deserializer())) {
                    consumer.subscribe(List.of(output));
                    List<ConsumerRecord<String, Shout>> out = Drain.records(consumer, 2, Duration.ofSeconds(60));

                    assertThat(out).extracting(ConsumerRecord::value).containsExactly(
                            Shout.newBuilder().setId("a").setText("HI THERE").setLength(8).build(),
                            Shout.newBuilder().setId("c").setText("BOM DIA").setLength(7).build());
                    assertThat(out).extracting(ConsumerRecord::key).containsOnly("a");
                    assertThat(streams.state().isRunningOrRebalancing()).isTrue();
                }
            }
        }
    }
}
