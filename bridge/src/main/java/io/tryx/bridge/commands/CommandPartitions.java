package io.tryx.bridge.commands;

import java.util.Set;

/**
 * Hears which partitions of the commands topic the consumer group gives this instance and takes away, on the
 * consumer's thread: {@link #assigned} runs before any command of those partitions is taken, {@link #revoked} before
 * another instance can take them (also when they were lost). Ownership of the accounts follows it.
 */
public interface CommandPartitions {

    /** Nothing follows the assignment (stores other than Kafka: every account runs here). */
    CommandPartitions NONE = new CommandPartitions() {
        @Override
        public void assigned(Set<Integer> partitions) {
        }

        @Override
        public void revoked(Set<Integer> partitions) {
        }
    };

    void assigned(Set<Integer> partitions);

    void revoked(Set<Integer> partitions);
}
