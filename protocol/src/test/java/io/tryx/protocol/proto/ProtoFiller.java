package io.tryx.protocol.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Populates every field of a message type with deterministic, field-specific values so that a single instance
 * exercises every field number, wire type and value range of its type: unsigned values above 2^31 / 2^63,
 * negative signed values, non-ASCII strings, non-default enum values, two elements per repeated field.
 * A nested message type already being filled higher up is left out, which bounds recursive types such as
 * Message -> ContextInfo -> quotedMessage; hand-written samples cover those nestings.
 */
final class ProtoFiller {

    private final Deque<Descriptor> path = new ArrayDeque<>();

    private ProtoFiller() {
    }

    /** A fully populated instance of {@code type}. */
    static DynamicMessage fill(Descriptor type) {
        return new ProtoFiller().message(type);
    }

    /** An instance of {@code field}'s containing type with only {@code field} set (fully populated). */
    static DynamicMessage fillOnly(FieldDescriptor field) {
        ProtoFiller filler = new ProtoFiller();
        filler.path.push(field.getContainingType());
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(field.getContainingType());
        if (field.isRepeated()) {
            builder.addRepeatedField(field, filler.value(field, 0)).addRepeatedField(field, filler.value(field, 1));
        } else {
            builder.setField(field, filler.value(field, 0));
        }
        return builder.buildPartial();
    }

    private DynamicMessage message(Descriptor type) {
        path.push(type);
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && path.contains(field.getMessageType())) {
                continue;
            }
            if (field.isRepeated()) {
                builder.addRepeatedField(field, value(field, 0));
                builder.addRepeatedField(field, value(field, 1));
            } else {
                builder.setField(field, value(field, 0));
            }
        }
        path.pop();
        return builder.build();
    }

    private Object value(FieldDescriptor field, int index) {
        int n = field.getNumber() + 31 * index;
        return switch (field.getType()) {
            case MESSAGE, GROUP -> message(field.getMessageType());
            case ENUM -> enumValue(field.getEnumType(), index);
            case BYTES -> ByteString.copyFrom(bytes(n));
            case STRING -> field.getName() + "-" + n + "-ção-😀";
            case BOOL -> (n % 2) == 0;
            case UINT32, FIXED32 -> 0x8000_0000 + n;           // above Integer.MAX_VALUE when read unsigned
            case INT32, SFIXED32, SINT32 -> (index == 0 ? -1 : 1) * (1000 + n);
            case UINT64, FIXED64 -> 0x8000_0000_0000_0000L + n; // above Long.MAX_VALUE when read unsigned
            case INT64, SFIXED64, SINT64 -> (index == 0 ? -1 : 1) * (1_700_000_000_000L + n);
            case FLOAT -> 0.5f + n;
            case DOUBLE -> -12.25 + n;
        };
    }

    private static Object enumValue(EnumDescriptor type, int index) {
        int count = type.getValues().size();
        return type.getValues().get(Math.max(0, count - 1 - index));
    }

    private static byte[] bytes(int seed) {
        byte[] out = ("b" + seed).getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[out.length + 3];
        System.arraycopy(out, 0, data, 0, out.length);
        data[out.length] = (byte) 0x00;
        data[out.length + 1] = (byte) 0xff;
        data[out.length + 2] = (byte) seed;
        return data;
    }
}
