package io.tryx.bridge.serde;

import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testschema.Greeting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many records through serializer and deserializer with warm registry caches: every one comes back equal,
 * and the registry is asked once per schema, not per record. Logs the rate as a rough figure (not a benchmark).
 */
@ExtendWith(KafkaExtension.class)
class SerdeThroughputTest {

    private static final Logger LOG = LoggerFactory.getLogger(SerdeThroughputTest.class);

    @Test
    void roundTripsManyRecordsFromTheCaches(KafkaTestEnvironment env) {
        String topic = "throughput-" + System.nanoTime();
        int count = 50_000;
        try (SchemaRegistryClient registry = env.registryClient()) {
            AvroSerializer<Greeting> serializer = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false);
            AvroDeserializer<Greeting> deserializer = new AvroDeserializer<>(registry, AvroReadMode.specific(Greeting.class));
            serializer.serialize(topic, AvroSerdeKafkaTest.greeting(0)); // registers; later calls hit the cache
            long bytes = 0;
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Greeting greeting = AvroSerdeKafkaTest.greeting(i);
                byte[] framed = serializer.serialize(topic, greeting);
                bytes += framed.length;
                assertThat(deserializer.deserialize(topic, framed).getCount()).isEqualTo(i);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            LOG.info("serde round trip: {} records ({} bytes each on average) in {} ms, {} records/s",
                    count, bytes / count, Math.round(seconds * 1000), Math.round(count / seconds));
        }
    }
}
