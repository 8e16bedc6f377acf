package io.tryx.bridge.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Follows the bridge's topics and turns each record into one line of JSON, decoded generically with the writer
 * schema from the registry (no generated classes): {@code topic, partition, offset, timestamp, key, schema, value}
 * (see {@link AvroJson} for the value's form). TopicNames are chosen by globs relative to the prefix
 * ({@code events.*}, {@code events.messages}, {@code command-results}); the partitions of the matching topics
 * are assigned directly, from their beginning or end, without a consumer group.
 */
public final class EventTail implements AutoCloseable {

    private final BridgeEndpoints endpoints;
    private final SchemaRegistryClient registry;
    private final KafkaConsumer<String, GenericRecord> consumer;

    public EventTail(BridgeEndpoints endpoints) {
        this.endpoints = endpoints;
        this.registry = endpoints.registryClient();
        this.consumer = new KafkaConsumer<>(endpoints.clientConfig("tryx-cli-tail"), new StringDeserializer(),
                new AvroDeserializer<>(registry, AvroReadMode.generic()));
    }

    /** The regular expression of topic names {@code globs} select under the prefix ({@code *} any characters). */
    public static Pattern topicPattern(String prefix, List<String> globs) {
        List<String> alternatives = new ArrayList<>();
        for (String glob : globs) {
            String body = java.util.Arrays.stream(glob.trim().split("\\*", -1))
                    .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                    .collect(java.util.stream.Collectors.joining(".*"));
            alternatives.add(Pattern.quote(prefix + ".") + body);
        }
        return Pattern.compile(String.join("|", alternatives));
    }

    /** TopicNames of the cluster {@code globs} select, sorted. */
    public List<String> topics(List<String> globs) {
        Pattern pattern = topicPattern(endpoints.topics().prefix(), globs);
        Map<String, List<PartitionInfo>> all;
        try {
            all = consumer.listTopics(Duration.ofSeconds(15));
        } catch (KafkaException e) {
            throw new BridgeClientException("cannot list topics at " + endpoints.bootstrapServers() + ": " + e.getMessage(), e);
        }
        return all.keySet().stream().filter(t -> pattern.matcher(t).matches()).sorted().toList();
    }

    /**
     * Prints records of {@code topics} to {@code lines} until {@code maxRecords} were printed (0: no limit) or
     * {@code stop} says so; {@code problems} gets a line per record that cannot be decoded (it is skipped).
     *
     * @return how many records were printed
     */
    public long follow(List<String> topics, boolean fromBeginning, long maxRecords, BooleanSupplier stop,
                       Consumer<String> lines, Consumer<String> problems) {
        if (topics.isEmpty()) {
            throw new BridgeClientException("no topics to follow");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
        long printed = 0;
        while (!stop.getAsBoolean() && (maxRecords <= 0 || printed < maxRecords)) {
            Iterable<ConsumerRecord<String, GenericRecord>> records;
            try {
                records = consumer.poll(Duration.ofMillis(200));
            } catch (RecordDeserializationException e) {
                problems.accept("skipping undecodable record " + e.topicPartition() + "@" + e.offset() + ": " + e.getMessage());
                consumer.seek(e.topicPartition(), e.offset() + 1);
                continue;
            }
            for (ConsumerRecord<String, GenericRecord> record : records) {
                if (maxRecords > 0 && printed >= maxRecords) {
                    break;
                }
                lines.accept(line(record).toString());
                printed++;
            }
        }
        return printed;
    }

    /** One record as a JSON object. */
    static ObjectNode line(ConsumerRecord<String, GenericRecord> record) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key());
        if (record.value() == null) {
            line.putNull("schema");
            line.putNull("value");
        } else {
            line.put("schema", record.value().getSchema().getFullName());
            line.set("value", AvroJson.of(record.value()));
        }
        return line;
    }

    @Override
    public void close() {
        consumer.close();
        registry.close();
    }
}
