package io.tryx.bridge.client;

import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts a {@link Command} on the bridge's command topic (keyed by its account) and waits for the
 * {@code CommandResult} with the same {@code commandId} on the result topic. Results are read generically
 * (writer schema), so newer result versions print in full. The result topic's end is taken before the command is
 * sent, so the answer cannot be missed; no consumer group is used.
 */
public final class CommandClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandClient.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

    private final BridgeEndpoints endpoints;
    private final SchemaRegistryClient registry;
    private final KafkaProducer<String, Command> producer;
    private final KafkaConsumer<String, GenericRecord> results;

    /** The answer to a command: the result record and whether it is a success. */
    public record Outcome(GenericRecord result, RecordMetadata command) {
        public boolean succeeded() {
            Object status = result.get("status");
            return status instanceof GenericRecord record
                    && record.getSchema().getFullName().equals(CommandSucceeded.getClassSchema().getFullName());
        }
    }

    public CommandClient(BridgeEndpoints endpoints) {
        this.endpoints = endpoints;
        this.registry = endpoints.registryClient();
        Map<String, Object> producerConfig = endpoints.clientConfig("tryx-cli-commands");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, METADATA_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false));
        this.results = new KafkaConsumer<>(endpoints.clientConfig("tryx-cli-results"), new StringDeserializer(),
                new AvroDeserializer<>(registry, AvroReadMode.generic()));
    }

    /**
     * Sends {@code command} and waits up to {@code timeout} for its result; empty when none came in time.
     *
     * @throws BridgeClientException when the bridge's topics do not exist or Kafka refuses the command
     */
    public Optional<Outcome> execute(Command command, Duration timeout) {
        String resultTopic = endpoints.topics().commandResults();
        partitions(endpoints.topics().commands());
        List<TopicPartition> partitions = partitions(resultTopic);
        results.assign(partitions);
        results.seekToEnd(partitions);
        partitions.forEach(results::position);
        RecordMetadata sent = send(command);
        LOG.info("command {} for {} is at {}-{}@{}", command.getCommandId(), command.getAccount(), sent.topic(),
                sent.partition(), sent.offset());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, GenericRecord> record : poll()) {
                GenericRecord result = record.value();
                if (result != null && command.getCommandId().equals(String.valueOf(result.get("commandId")))) {
                    return Optional.of(new Outcome(result, sent));
                }
            }
        }
        return Optional.empty();
    }

    private Iterable<ConsumerRecord<String, GenericRecord>> poll() {
        try {
            return results.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException e) {
            LOG.warn("skipping unreadable result at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
            results.seek(e.topicPartition(), e.offset() + 1);
            return List.of();
        }
    }

    private RecordMetadata send(Command command) {
        try {
            return producer.send(new ProducerRecord<>(endpoints.topics().commands(), command.getAccount(), command))
                    .get(METADATA_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new BridgeClientException("Kafka refused the command: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new BridgeClientException("Kafka did not take the command within " + METADATA_TIMEOUT.multipliedBy(2), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeClientException("interrupted while sending the command", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new BridgeClientException("cannot send the command: " + e.getMessage(), e);
        }
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos;
        try {
            infos = results.partitionsFor(topic, METADATA_TIMEOUT);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new BridgeClientException("cannot read topic " + topic + " at " + endpoints.bootstrapServers() + ": "
                    + e.getMessage(), e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new BridgeClientException("topic " + topic + " does not exist at " + endpoints.bootstrapServers()
                    + ": is a bridge with topic prefix '" + endpoints.topics().prefix() + "' running there?");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        results.close();
        registry.close();
    }
}
