package io.tryx.bridge.runtime;

import io.tryx.bridge.commands.CommandSettings;
import io.tryx.bridge.topics.TopicSettings;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Runtime tuning beyond {@link io.tryx.bridge.app.BridgeConfig}: topic creation, the command consumer and the
 * thread pools shared by the accounts. {@link #fromEnvironment} reads overrides from system properties or
 * environment variables:
 * <ul>
 *   <li>{@code tryx.events.partitions} / {@code TRYX_EVENT_PARTITIONS} (default 6)</li>
 *   <li>{@code tryx.commands.partitions} / {@code TRYX_COMMAND_PARTITIONS} (default 3)</li>
 *   <li>{@code tryx.topics.replication} / {@code TRYX_TOPIC_REPLICATION} (default 0: {@code min(3, brokers)})</li>
 *   <li>{@code tryx.commands.group} / {@code TRYX_COMMANDS_GROUP} (default {@code <prefix>-bridge})</li>
 *   <li>{@code tryx.commands.timeout.seconds} / {@code TRYX_COMMAND_TIMEOUT_SECONDS} (default 60)</li>
 *   <li>{@code tryx.commands.memo.capacity} / {@code TRYX_COMMAND_MEMO_CAPACITY} (default 100,000 results)</li>
 *   <li>{@code tryx.commands.memo.window.hours} / {@code TRYX_COMMAND_MEMO_WINDOW_HOURS} (default 168 = the results'
 *       retention)</li>
 *   <li>{@code tryx.workers} / {@code TRYX_WORKERS} (default max(4, 2 x cores))</li>
 * </ul>
 *
 * @param topics        how absent topics are created
 * @param commands      command consumer group, timeout and result memo
 * @param ioThreads     Netty event loop threads shared by all accounts' connections
 * @param workerThreads worker threads shared by all accounts (decrypt, send, event publishing)
 */
public record RuntimeOptions(TopicSettings topics, CommandSettings commands, int ioThreads, int workerThreads) {

    public RuntimeOptions {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(commands, "commands");
        if (ioThreads < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("thread counts must be positive");
        }
    }

    /** The defaults for a topic prefix. */
    public static RuntimeOptions defaults(String topicPrefix) {
        return new RuntimeOptions(TopicSettings.defaults(), CommandSettings.defaults(topicPrefix), 2,
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** The defaults with the overrides found in {@code properties} (first) or {@code env}. */
    public static RuntimeOptions fromEnvironment(String topicPrefix, Properties properties, Map<String, String> env) {
        RuntimeOptions base = defaults(topicPrefix);
        Lookup lookup = new Lookup(properties, env);
        TopicSettings topics = new TopicSettings(
                lookup.integer("tryx.events.partitions", "TRYX_EVENT_PARTITIONS", base.topics.eventPartitions()),
                lookup.integer("tryx.commands.partitions", "TRYX_COMMAND_PARTITIONS", base.topics.commandPartitions()),
                lookup.integer("tryx.topics.replication", "TRYX_TOPIC_REPLICATION", base.topics.replicationFactor()),
                base.topics.retention(), base.topics.deadLetterRetention());
        CommandSettings commands = new CommandSettings(
                lookup.text("tryx.commands.group", "TRYX_COMMANDS_GROUP", base.commands.groupId()),
                Duration.ofSeconds(lookup.integer("tryx.commands.timeout.seconds", "TRYX_COMMAND_TIMEOUT_SECONDS",
                        (int) base.commands.timeout().toSeconds())),
                lookup.integer("tryx.commands.memo.capacity", "TRYX_COMMAND_MEMO_CAPACITY", base.commands.memoCapacity()),
                Duration.ofHours(lookup.integer("tryx.commands.memo.window.hours", "TRYX_COMMAND_MEMO_WINDOW_HOURS",
                        (int) base.commands.memoWindow().toHours())));
        return new RuntimeOptions(topics, commands, base.ioThreads,
                lookup.integer("tryx.workers", "TRYX_WORKERS", base.workerThreads));
    }

    public RuntimeOptions withTopics(TopicSettings value) {
        return new RuntimeOptions(value, commands, ioThreads, workerThreads);
    }

    public RuntimeOptions withCommands(CommandSettings value) {
        return new RuntimeOptions(topics, value, ioThreads, workerThreads);
    }

    private record Lookup(Properties properties, Map<String, String> env) {
        String text(String property, String variable, String fallback) {
            String value = properties.getProperty(property, env.get(variable));
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String property, String variable, int fallback) {
            String value = text(property, variable, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " / " + variable + " must be a number: " + value, e);
            }
        }
    }
}
