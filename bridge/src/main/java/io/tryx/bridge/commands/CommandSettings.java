package io.tryx.bridge.commands;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the command side.
 *
 * @param groupId      consumer group of the command consumer (bridges sharing it share the command partitions)
 * @param timeout      how long one command may take before it fails with {@code TIMEOUT}
 * @param memoCapacity how many results are remembered to answer repeated command ids
 */
public record CommandSettings(String groupId, Duration timeout, int memoCapacity) {

    public CommandSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(timeout, "timeout");
        if (groupId.isBlank() || memoCapacity < 1) {
            throw new IllegalArgumentException("a group id and a positive memo capacity are required");
        }
    }

    /** Group {@code <prefix>-bridge}, 60 s per command, 10,000 remembered results. */
    public static CommandSettings defaults(String topicPrefix) {
        return new CommandSettings(topicPrefix + "-bridge", Duration.ofSeconds(60), 10_000);
    }
}
