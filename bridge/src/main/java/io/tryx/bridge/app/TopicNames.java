package io.tryx.bridge.app;

import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.DeadLetter;
import io.tryx.events.v1.CallEvent;
import io.tryx.events.v1.ChatActionEvent;
import io.tryx.events.v1.ConnectionEvent;
import io.tryx.events.v1.ContactEvent;
import io.tryx.events.v1.GroupEvent;
import io.tryx.events.v1.HistorySyncEvent;
import io.tryx.events.v1.MessageEvent;
import io.tryx.events.v1.PresenceEvent;
import io.tryx.events.v1.ReceiptEvent;
import io.tryx.events.v1.UndecryptableMessageEvent;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The names of the bridge's topics, the one place both the runtime and the command line take them from.
 * Every topic is keyed by the account (its user JID, {@code 15551234567@s.whatsapp.net}) so one account's
 * records stay in order; values are the contract's Avro records in the Confluent wire format, subjects
 * {@code <topic>-value}.
 *
 * <table>
 *   <caption>TopicNames for prefix {@code tryx}</caption>
 *   <tr><th>topic</th><th>value record</th><th>written by</th></tr>
 *   <tr><td>{@code tryx.events.connection}</td><td>{@code io.tryx.events.v1.ConnectionEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.messages}</td><td>{@code io.tryx.events.v1.MessageEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.receipts}</td><td>{@code io.tryx.events.v1.ReceiptEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.presence}</td><td>{@code io.tryx.events.v1.PresenceEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.chat-actions}</td><td>{@code io.tryx.events.v1.ChatActionEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.contacts}</td><td>{@code io.tryx.events.v1.ContactEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.groups}</td><td>{@code io.tryx.events.v1.GroupEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.calls}</td><td>{@code io.tryx.events.v1.CallEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.history}</td><td>{@code io.tryx.events.v1.HistorySyncEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.events.undecryptable}</td><td>{@code io.tryx.events.v1.UndecryptableMessageEvent}</td><td>bridge</td></tr>
 *   <tr><td>{@code tryx.commands}</td><td>{@code io.tryx.commands.v1.Command}</td><td>callers ({@code ./tryx send}, applications)</td></tr>
 *   <tr><td>{@code tryx.command-results}</td><td>{@code io.tryx.commands.v1.CommandResult}</td><td>bridge, one per command</td></tr>
 *   <tr><td>{@code tryx.dead-letter}</td><td>{@code io.tryx.commands.v1.DeadLetter}</td><td>bridge, for commands it cannot read</td></tr>
 *   <tr><td>{@code tryx.state}</td><td>account state entries (compacted changelog, not Avro)</td><td>bridge with {@code store.url=kafka}</td></tr>
 * </table>
 *
 * @param prefix the topic prefix ({@link BridgeConfig#topicPrefix()})
 */
public record TopicNames(String prefix) {

    /** One event topic per event family. */
    public enum EventFamily {
        CONNECTION("connection", ConnectionEvent.class, ConnectionEvent.getClassSchema()),
        MESSAGES("messages", MessageEvent.class, MessageEvent.getClassSchema()),
        RECEIPTS("receipts", ReceiptEvent.class, ReceiptEvent.getClassSchema()),
        PRESENCE("presence", PresenceEvent.class, PresenceEvent.getClassSchema()),
        CHAT_ACTIONS("chat-actions", ChatActionEvent.class, ChatActionEvent.getClassSchema()),
        CONTACTS("contacts", ContactEvent.class, ContactEvent.getClassSchema()),
        GROUPS("groups", GroupEvent.class, GroupEvent.getClassSchema()),
        CALLS("calls", CallEvent.class, CallEvent.getClassSchema()),
        HISTORY("history", HistorySyncEvent.class, HistorySyncEvent.getClassSchema()),
        UNDECRYPTABLE("undecryptable", UndecryptableMessageEvent.class, UndecryptableMessageEvent.getClassSchema());

        private final String token;
        private final Class<? extends SpecificRecord> recordClass;
        private final Schema schema;

        EventFamily(String token, Class<? extends SpecificRecord> recordClass, Schema schema) {
            this.token = token;
            this.recordClass = recordClass;
            this.schema = schema;
        }

        /** The family's part of the topic name ({@code chat-actions}). */
        public String token() {
            return token;
        }

        /** The generated class of the family's records. */
        public Class<? extends SpecificRecord> recordClass() {
            return recordClass;
        }

        /** The value schema of the family's topic. */
        public Schema schema() {
            return schema;
        }

        /** The family whose records are {@code event}'s class. */
        public static EventFamily of(SpecificRecord event) {
            return ofRecordName(event.getSchema().getFullName()).orElseThrow(
                    () -> new IllegalArgumentException("not an event record: " + event.getSchema().getFullName()));
        }

        /** The family of the record with this full name ({@code io.tryx.events.v1.MessageEvent}). */
        public static Optional<EventFamily> ofRecordName(String fullName) {
            return Arrays.stream(values()).filter(f -> f.schema.getFullName().equals(fullName)).findFirst();
        }
    }

    public TopicNames {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("topic prefix must be 1-100 of [A-Za-z0-9._-]: " + prefix);
        }
    }

    /** The names for {@code config}'s prefix. */
    public static TopicNames of(BridgeConfig config) {
        return new TopicNames(config.topicPrefix());
    }

    /** {@code <prefix>.events.<family>}. */
    public String events(EventFamily family) {
        return prefix + ".events." + family.token();
    }

    /** The topic of {@code event}'s family. */
    public String eventsOf(SpecificRecord event) {
        return events(EventFamily.of(event));
    }

    /** Every event topic, in {@link EventFamily} order. */
    public List<String> eventTopics() {
        return Arrays.stream(EventFamily.values()).map(this::events).toList();
    }

    /** {@code <prefix>.commands}: {@link Command} records. */
    public String commands() {
        return prefix + ".commands";
    }

    /** {@code <prefix>.command-results}: {@link CommandResult} records. */
    public String commandResults() {
        return prefix + ".command-results";
    }

    /** {@code <prefix>.dead-letter}: {@link DeadLetter} records. */
    public String deadLetter() {
        return prefix + ".dead-letter";
    }

    /**
     * {@code <prefix>.state}: the accounts' state as a compacted changelog (the Kafka store), keyed
     * {@code <account>|<entry>}, partitioned like the commands topic.
     */
    public String state() {
        return prefix + ".state";
    }

    /** Every topic of the bridge: events, commands, results, dead letters, state. */
    public List<String> all() {
        List<String> all = new ArrayList<>(eventTopics());
        all.add(commands());
        all.add(commandResults());
        all.add(deadLetter());
        all.add(state());
        return List.copyOf(all);
    }

    /** The value schema of one of {@link #all()}; empty for other topics. */
    public Optional<Schema> valueSchema(String topic) {
        if (topic.equals(commands())) {
            return Optional.of(Command.getClassSchema());
        }
        if (topic.equals(commandResults())) {
            return Optional.of(CommandResult.getClassSchema());
        }
        if (topic.equals(deadLetter())) {
            return Optional.of(DeadLetter.getClassSchema());
        }
        return Arrays.stream(EventFamily.values()).filter(f -> events(f).equals(topic)).findFirst()
                .map(EventFamily::schema);
    }
}
