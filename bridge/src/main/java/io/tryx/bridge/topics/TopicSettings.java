package io.tryx.bridge.topics;

import java.time.Duration;
import java.util.Objects;

/**
 * How the bridge creates its topics when they are absent (existing topics are left as they are).
 *
 * @param eventPartitions     partitions of every event topic (keys spread chats over them; more partitions, more
 *                            parallel consumers)
 * @param commandPartitions   partitions of the command and result topics (keyed by account)
 * @param replicationFactor   replicas per partition; 0 picks {@code min(3, brokers)}
 * @param retention           how long events, commands and results are kept
 * @param deadLetterRetention how long dead letters are kept (longer: someone has to look at them)
 */
public record TopicSettings(int eventPartitions, int commandPartitions, int replicationFactor, Duration retention,
                            Duration deadLetterRetention) {

    public TopicSettings {
        if (eventPartitions < 1 || commandPartitions < 1 || replicationFactor < 0) {
            throw new IllegalArgumentException("partitions must be positive and the replication factor not negative");
        }
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(deadLetterRetention, "deadLetterRetention");
    }

    /** 6 event partitions, 3 command partitions, automatic replication, 7 days (dead letters 30 days). */
    public static TopicSettings defaults() {
        return new TopicSettings(6, 3, 0, Duration.ofDays(7), Duration.ofDays(30));
    }

    public TopicSettings withEventPartitions(int partitions) {
        return new TopicSettings(partitions, commandPartitions, replicationFactor, retention, deadLetterRetention);
    }

    public TopicSettings withCommandPartitions(int partitions) {
        return new TopicSettings(eventPartitions, partitions, replicationFactor, retention, deadLetterRetention);
    }
}
