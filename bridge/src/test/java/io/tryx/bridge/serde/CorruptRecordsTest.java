package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroSerdeException.Reason;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testschema.Greeting;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bytes that are not valid framed Avro end in a typed error, and the consumer goes on with the next record. */
@ExtendWith(KafkaExtension.class)
class CorruptRecordsTest {

    private final KafkaTestEnvironment env;
    private final SchemaRegistryClient registry;

    CorruptRecordsTest(KafkaTestEnvironment env) {
        this.env = env;
        this.registry = env.registryClient();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aConsumerSkipsEachBadRecordWithItsReasonAndReadsTheGoodOnes() {
        String topic = env.newTopic("corrupt", 1);
        byte[] good = new AvroSerializer<Greeting>(registry, AvroSerdeOptions.DEFAULTS, false)
                .serialize(topic, AvroSerdeKafkaTest.greeting(9));
        int id = WireFormat.schemaId(good, topic);
        List<byte[]> bad = List.of(
                new byte[]{'{', '"', 'a', '"', '}'},                                  // JSON, not framed
                new byte[]{0, 0, 1},                                                  // cut inside the header
                concat(WireFormat.header(1_999_999_999), new byte[]{2, 'a'}),         // unknown schema id
                concat(WireFormat.header(id), new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}), // a 2 GB string
                Arrays.copyOf(good, good.length - 3),                                 // truncated body
                concat(good, new byte[]{42}));                                        // trailing garbage
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(env.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            bad.forEach(value -> producer.send(new ProducerRecord<>(topic, value)));
            producer.send(new ProducerRecord<>(topic, good));
            producer.flush();
        }

        List<Reason> reasons = new ArrayList<>();
        List<Greeting> decoded = new ArrayList<>();
        AvroDeserializer<Greeting> deserializer = new AvroDeserializer<>(registry, AvroReadMode.specific(Greeting.class));
        try (KafkaConsumer<String, Greeting> consumer = new KafkaConsumer<>(env.consumerConfig("corrupt"), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (decoded.isEmpty() && System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> decoded.add(record.value()));
                } catch (RecordDeserializationException e) {
                    assertThat(e.getCause()).isInstanceOf(AvroSerdeException.class);
                    reasons.add(((AvroSerdeException) e.getCause()).reason());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        }

        assertThat(reasons).containsExactly(Reason.BAD_MAGIC, Reason.TRUNCATED, Reason.UNKNOWN_SCHEMA_ID,
                Reason.CORRUPT_PAYLOAD, Reason.CORRUPT_PAYLOAD, Reason.CORRUPT_PAYLOAD);
        assertThat(decoded).containsExactly(AvroSerdeKafkaTest.greeting(9));
    }

    @Test
    void anUnreachableRegistryIsReportedAsUnavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SchemaRegistryClient down = new SchemaRegistryClient(io.tryx.bridge.registry.SchemaRegistryConfig
                .builder("http://127.0.0.1:" + closedPort).retry(io.tryx.bridge.registry.RetryPolicy.NONE).build())) {
            AvroDeserializer<Greeting> deserializer = new AvroDeserializer<>(down, AvroReadMode.specific(Greeting.class));
            byte[] framed = concat(WireFormat.header(1), new byte[]{0});

            assertThatThrownBy(() -> deserializer.deserialize("t", framed))
                    .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
                        assertThat(e.schemaId()).isEqualTo(1);
                    });
        }
    }
}
