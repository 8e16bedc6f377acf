package io.tryx.bridge.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A broker of its own (not the shared one): it serves, then stops without leaving threads, files or ports behind. */
class EmbeddedKafkaTest {

    @Test
    void servesATopicThenStopsCleanly() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EmbeddedKafka kafka = EmbeddedKafka.start();
        Path dataDir = kafka.dataDir();
        String bootstrap = kafka.bootstrapServers();
        try {
            assertThat(bootstrap).startsWith("127.0.0.1:");
            kafka.createTopic("lifecycle", 1);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("lifecycle", "k", "v")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "lifecycle",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("lifecycle"));
                List<ConsumerRecord<String, String>> got = io.tryx.bridge.testkit.Drain.records(consumer, 1, Duration.ofSeconds(30));
                assertThat(got.getFirst().value()).isEqualTo("v");
            }
        } finally {
            kafka.close();
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(startedSince(before)).isEmpty());
        assertThat(Files.exists(dataDir)).isFalse();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(IOException.class);
        kafka.close(); // a second close is harmless
    }

    private static List<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .filter(thread -> !isJvmWide(thread))
                .map(thread -> thread.getName() + (thread.isDaemon() ? " (daemon)" : ""))
                .collect(Collectors.toList());
    }

    /**
     * Pools that live once per JVM rather than per broker: the JDK's common fork-join pool and HTTP client
     * selector, Awaitility's poller, and the daemon tick threads of the Yammer metrics default registry, a
     * static singleton the broker's metrics start on first use.
     */
    private static boolean isJvmWide(Thread thread) {
        String name = thread.getName();
        return name.startsWith("ForkJoinPool") || name.startsWith("HttpClient") || name.startsWith("awaitility")
                || (name.startsWith("metrics-meter-tick-thread") && thread.isDaemon());
    }
}
