package io.tryx.simulator.appstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A protobuf message as JSON for the admin API, generically from its descriptor: fields by their JSON names,
 * enums by name, bytes in base64, 64-bit integers as numbers. Only set fields appear.
 */
final class ProtoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoJson() {
    }

    static ObjectNode of(MessageOrBuilder message) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            if (descriptor.isRepeated()) {
                ArrayNode array = out.putArray(descriptor.getJsonName());
                for (Object each : (List<?>) field.getValue()) {
                    array.add(value(each));
                }
            } else {
                out.set(descriptor.getJsonName(), value(field.getValue()));
            }
        }
        return out;
    }

    private static JsonNode value(Object value) {
        return switch (value) {
            case MessageOrBuilder message -> of(message);
            case EnumValueDescriptor enumValue -> NODES.textNode(enumValue.getName());
            case ByteString bytes -> NODES.textNode(Base64.getEncoder().encodeToString(bytes.toByteArray()));
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            default -> NODES.textNode(String.valueOf(value));
        };
    }
}
