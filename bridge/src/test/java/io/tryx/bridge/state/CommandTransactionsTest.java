package io.tryx.bridge.state;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link KafkaStoreBackend#commitOutputs}: the outputs of consumed records and the consumer group's offsets commit
 * in one transaction of the partition; a consumer that lost its group generation cannot commit either.
 */
@ExtendWith(KafkaExtension.class)
class CommandTransactionsTest {

    private final KafkaTestEnvironment env;

    CommandTransactionsTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @Test
    void outputsAndOffsetsCommitTogetherAndAStaleGenerationCommitsNothing() throws Exception {
        String state = StateTopics.create(env, 2);
        String input = StateTopics.create(env, 2);
        String output = StateTopics.create(env, 2);
        String group = "group-" + UUID.randomUUID();
        TopicPartition in = new TopicPartition(input, 1);
        produce(in, 3);
        try (KafkaStoreBackend backend = StateTopics.open(env, state);
             KafkaConsumer<byte[], byte[]> consumer = consumer(group, "read_committed")) {
            consumer.subscribe(List.of(input));
            List<ConsumerRecord<byte[], byte[]>> taken = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(taken::add);
                return taken.size() == 3;
            });
            ConsumerGroupMetadata generation = consumer.groupMetadata();
            for (ConsumerRecord<byte[], byte[]> record : taken.subList(0, 2)) {
                backend.commitOutputs(1, List.of(new ProducerRecord<>(output, 0, record.key(), record.value())),
                        Map.of(in, new OffsetAndMetadata(record.offset() + 1)), generation).get(30, TimeUnit.SECONDS);
            }
            assertThat(committedOffset(group, in)).isEqualTo(2);
            assertThat(readCommitted(new TopicPartition(output, 0))).containsExactly("v0", "v1");

            // another member joins and the group moves on: the first consumer's generation is stale
            try (KafkaConsumer<byte[], byte[]> newcomer = consumer(group, "read_committed")) {
                newcomer.subscribe(List.of(input));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    newcomer.poll(Duration.ofMillis(100));
                    consumer.poll(Duration.ofMillis(100));
                    return consumer.groupMetadata().generationId() > generation.generationId()
                            && newcomer.groupMetadata().generationId() > generation.generationId();
                });
                ConsumerRecord<byte[], byte[]> last = taken.get(2);
                CompletableFuture<Void> stale = backend.commitOutputs(1,
                        List.of(new ProducerRecord<>(output, 0, last.key(), last.value())),
                        Map.of(in, new OffsetAndMetadata(last.offset() + 1)), generation);
                assertThatThrownBy(() -> stale.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            }
            assertThat(committedOffset(group, in)).isEqualTo(2);
            assertThat(readCommitted(new TopicPartition(output, 0))).containsExactly("v0", "v1");
        }
    }

    private void produce(TopicPartition partition, int count) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), bytes("k" + i),
                        bytes("v" + i))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group, String isolation) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private long committedOffset(String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private List<String> readCommitted(TopicPartition partition) {
        try (KafkaConsumer<byte[], byte[]> reader = consumer(null, "read_committed")) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(100)).forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
                return reader.position(partition) >= end;
            });
            return values;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
