package io.tryx.protocol.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders any protobuf message as the JSON protobufjs' {@code toObject({longs: String, bytes: String, enums: String})}
 * produces, by walking the descriptor: present fields only, camelCase names, base64 bytes, 64-bit integers as decimal
 * strings, unsigned 32-bit values unsigned, enums by name. Unknown fields show up under {@code "__unknownFields"}
 * so that a field number the other side uses but we do not know makes the comparison fail.
 */
public final class ProtoJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoJson() {
    }

    public static ObjectNode toJson(Message message) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.isRepeated()) {
                ArrayNode array = out.putArray(field.getJsonName());
                for (Object element : (List<?>) entry.getValue()) {
                    array.add(value(field, element));
                }
            } else {
                out.set(field.getJsonName(), value(field, entry.getValue()));
            }
        }
        if (!message.getUnknownFields().asMap().isEmpty()) {
            ArrayNode unknown = out.putArray("__unknownFields");
            message.getUnknownFields().asMap().keySet().forEach(unknown::add);
        }
        return out;
    }

    private static JsonNode value(FieldDescriptor field, Object value) {
        return switch (field.getType()) {
            case MESSAGE, GROUP -> toJson((Message) value);
            case ENUM -> NODES.textNode(((EnumValueDescriptor) value).getName());
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case STRING -> NODES.textNode((String) value);
            case BOOL -> NODES.booleanNode((Boolean) value);
            case UINT32, FIXED32 -> NODES.numberNode(Integer.toUnsignedLong((Integer) value));
            case INT32, SINT32, SFIXED32 -> NODES.numberNode((Integer) value);
            case UINT64, FIXED64 -> NODES.textNode(Long.toUnsignedString((Long) value));
            case INT64, SINT64, SFIXED64 -> NODES.textNode(Long.toString((Long) value));
            case FLOAT -> NODES.numberNode((double) (Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
        };
    }

    /** A canonical pretty text of a JSON tree: object keys sorted, numbers compared by value. */
    public static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(normalize(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object normalize(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), normalize(e.getValue()));
            }
            return sorted;
        }
        if (node.isArray()) {
            List<Object> list = new java.util.ArrayList<>();
            node.forEach(element -> list.add(normalize(element)));
            return list;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return value.scale() <= 0 ? value.toBigIntegerExact() : value;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }
}
