package io.tryx.bridge.state;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the Kafka store reaches its topic and commits.
 *
 * @param clientProperties       Kafka client settings (bootstrap servers, security) for its producers and consumers
 * @param topic                  the compacted state topic ({@code <prefix>.state})
 * @param transactionalIdPrefix  transactional ids are {@code <prefix>-<partition>}: one producer per partition, so an
 *                               instance that takes a partition over fences the one that had it
 * @param linger                 how long a transaction waits for more appends after the first
 * @param maxRecords             the most records one transaction takes
 * @param restoreTimeout         how long reading a partition to its end may take
 */
public record KafkaStoreSettings(Map<String, Object> clientProperties, String topic, String transactionalIdPrefix,
                                 Duration linger, int maxRecords, Duration restoreTimeout) {

    public KafkaStoreSettings {
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        Objects.requireNonNull(linger, "linger");
        Objects.requireNonNull(restoreTimeout, "restoreTimeout");
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be positive");
        }
    }

    /** 5 ms linger, up to 1,000 records per transaction, 60 s to restore. */
    public static KafkaStoreSettings defaults(Map<String, Object> clientProperties, String topic, String transactionalIdPrefix) {
        return new KafkaStoreSettings(clientProperties, topic, transactionalIdPrefix, Duration.ofMillis(5), 1_000,
                Duration.ofSeconds(60));
    }

    public KafkaStoreSettings withLinger(Duration value) {
        return new KafkaStoreSettings(clientProperties, topic, transactionalIdPrefix, value, maxRecords, restoreTimeout);
    }

    public KafkaStoreSettings withMaxRecords(int value) {
        return new KafkaStoreSettings(clientProperties, topic, transactionalIdPrefix, linger, value, restoreTimeout);
    }
}
