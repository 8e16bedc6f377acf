package io.tryx.bridge.serde;

import org.apache.avro.Schema;

import java.util.Locale;

/**
 * How a serializer names the registry subject of a record, as Confluent's strategies do: one schema lineage
 * per topic ({@link #TOPIC_NAME}, the default), per record type across topics ({@link #RECORD_NAME}, for
 * topics that carry several types) or per topic and type ({@link #TOPIC_RECORD_NAME}).
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}. */
    TOPIC_NAME,
    /** The record's full name, e.g. {@code io.tryx.events.MessageReceived}. */
    RECORD_NAME,
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD_NAME;

    /** The subject for a value of {@code schema} written to {@code topic}. */
    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> requireTopic(topic) + (isKey ? "-key" : "-value");
            case RECORD_NAME -> recordName(schema);
            case TOPIC_RECORD_NAME -> requireTopic(topic) + "-" + recordName(schema);
        };
    }

    private static String requireTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("the topic name strategies need a topic");
        }
        return topic;
    }

    private static String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("the record name strategies need a record schema, not " + schema.getType());
        }
        return schema.getFullName();
    }

    /**
     * Parses a configuration value: {@code topic}, {@code record}, {@code topic-record}, the enum names, or
     * Confluent's class names ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}, ...).
     */
    public static SubjectNameStrategy parse(String value) {
        String simple = value.substring(value.lastIndexOf('.') + 1).trim();
        return switch (simple.toLowerCase(Locale.ROOT)) {
            case "topic", "topic_name", "topicnamestrategy" -> TOPIC_NAME;
            case "record", "record_name", "recordnamestrategy" -> RECORD_NAME;
            case "topic-record", "topic_record_name", "topicrecordnamestrategy" -> TOPIC_RECORD_NAME;
            default -> throw new IllegalArgumentException("unknown subject name strategy: " + value);
        };
    }
}
