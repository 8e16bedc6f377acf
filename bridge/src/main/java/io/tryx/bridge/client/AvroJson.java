package io.tryx.bridge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Avro data as readable JSON, driven only by the schema (works for generic records read with the writer schema,
 * and for generated records). Unlike Avro's own JSON encoding, an optional value is the bare value or null; a
 * record chosen from a union of several records gets its record name in an {@code "@type"} member first; timestamps
 * are ISO-8601 strings, dates ISO dates, bytes and fixed base64, enums their symbol.
 */
public final class AvroJson {

    /** Member naming the branch record of a multi-record union. */
    public static final String TYPE = "@type";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    /** {@code record} as a JSON object. */
    public static ObjectNode of(IndexedRecord record) {
        return (ObjectNode) toJson(record, record.getSchema());
    }

    /** {@code datum} of {@code schema} as JSON. */
    public static JsonNode toJson(Object datum, Schema schema) {
        if (datum == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> record((IndexedRecord) datum, schema, false);
            case UNION -> union(datum, schema);
            case STRING -> NODES.textNode(datum.toString());
            case BYTES -> NODES.textNode(base64((ByteBuffer) datum));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) datum).bytes()));
            case ENUM -> NODES.textNode(datum.toString());
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case INT -> integer(datum, schema.getLogicalType());
            case LONG -> longValue(datum, schema.getLogicalType());
            case FLOAT -> NODES.numberNode((Float) datum);
            case DOUBLE -> NODES.numberNode((Double) datum);
            case ARRAY -> array((Collection<?>) datum, schema.getElementType());
            case MAP -> map((Map<?, ?>) datum, schema.getValueType());
            case NULL -> NODES.nullNode();
        };
    }

    private static ObjectNode record(IndexedRecord record, Schema schema, boolean typed) {
        ObjectNode object = NODES.objectNode();
        if (typed) {
            object.put(TYPE, schema.getName());
        }
        for (Schema.Field field : schema.getFields()) {
            object.set(field.name(), toJson(record.get(field.pos()), field.schema()));
        }
        return object;
    }

    private static JsonNode union(Object datum, Schema union) {
        List<Schema> branches = union.getTypes();
        Schema branch = branches.stream().filter(b -> matches(b, datum)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no branch of " + union + " holds a " + datum.getClass().getName()));
        long nonNull = branches.stream().filter(b -> b.getType() != Schema.Type.NULL).count();
        if (branch.getType() == Schema.Type.RECORD && nonNull > 1) {
            return record((IndexedRecord) datum, branch, true);
        }
        return toJson(datum, branch);
    }

    private static boolean matches(Schema branch, Object datum) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> datum instanceof GenericContainer container
                    ? container.getSchema().getFullName().equals(branch.getFullName())
                    : datum instanceof Enum<?> symbol && branch.getType() == Schema.Type.ENUM
                    && branch.getFullName().equals(symbol.getDeclaringClass().getName());
            case STRING -> datum instanceof CharSequence;
            case BYTES -> datum instanceof ByteBuffer;
            case BOOLEAN -> datum instanceof Boolean;
            case INT -> datum instanceof Integer || datum instanceof LocalDate;
            case LONG -> datum instanceof Long || datum instanceof Instant;
            case FLOAT -> datum instanceof Float;
            case DOUBLE -> datum instanceof Double;
            case ARRAY -> datum instanceof Collection<?>;
            case MAP -> datum instanceof Map<?, ?>;
            case NULL -> false;
            case UNION -> false;
        };
    }

    private static JsonNode integer(Object datum, LogicalType logical) {
        if (datum instanceof LocalDate date) {
            return NODES.textNode(date.toString());
        }
        int value = (Integer) datum;
        if (logical instanceof LogicalTypes.Date) {
            return NODES.textNode(LocalDate.ofEpochDay(value).toString());
        }
        return NODES.numberNode(value);
    }

    private static JsonNode longValue(Object datum, LogicalType logical) {
        if (datum instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        long value = (Long) datum;
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(value).toString());
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return NODES.textNode(Instant.EPOCH.plusNanos(Math.multiplyExact(value, 1000L)).toString());
        }
        return NODES.numberNode(value);
    }

    private static ArrayNode array(Collection<?> items, Schema element) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(toJson(item, element)));
        return array;
    }

    private static ObjectNode map(Map<?, ?> entries, Schema value) {
        ObjectNode object = NODES.objectNode();
        entries.forEach((k, v) -> object.set(k.toString(), toJson(v, value)));
        return object;
    }

    private static String base64(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
