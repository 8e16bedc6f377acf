package io.tryx.bridge.commands;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the command side.
 *
 * @param groupId      consumer group of the command consumer (bridges sharing it share the command partitions)
 * @param timeout      how long one command may take before it fails with {@code TIMEOUT}
 * @param memoCapacity how many results are remembered to answer repeated command ids
 * @param memoWindow   how far back the results topic is read on start to rebuild the memo (at most its retention)
 */
public record CommandSettings(String groupId, Duration timeout, int memoCapacity, Duration memoWindow) {

    public CommandSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(memoWindow, "memoWindow");
        if (groupId.isBlank() || memoCapacity < 1 || memoWindow.isNegative()) {
            throw new IllegalArgumentException("a group id, a positive memo capacity and a memo window are required");
        }
    }

    /** Group {@code <prefix>-bridge}, 60 s per command, 100,000 remembered results from the last 7 days. */
    public static CommandSettings defaults(String topicPrefix) {
        return new CommandSettings(topicPrefix + "-bridge", Duration.ofSeconds(60), 100_000, Duration.ofDays(7));
    }
}
