package io.tryx.schemas.compat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Turns the JSON-pointer-like location of an Avro incompatibility ({@code /fields/7/type/2}) into the names a person
 * knows ({@code CallEvent.step -> CallRejected}). Field positions in a location are the reader's; a number right after
 * a union is the index of the writer's branch, so reader and writer are walked side by side.
 */
final class LocationPath {

    private LocationPath() {
    }

    /** The location as names, and the full names of the named types it passes through after the first. */
    record Resolved(String path, Set<String> via) {
    }

    static Resolved resolve(String location, Schema reader, Schema writer) {
        StringBuilder path = new StringBuilder(reader.getName());
        Set<String> via = new LinkedHashSet<>();
        String[] steps = location.split("/");
        Schema r = reader;
        Schema w = writer;
        for (int i = 1; i < steps.length && r != null && w != null; i++) {
            String step = steps[i];
            if (step.equals("fields") && i + 1 < steps.length && r.getType() == Schema.Type.RECORD) {
                Schema.Field field = r.getFields().get(Integer.parseInt(steps[++i]));
                path.append('.').append(field.name());
                Schema.Field writerField = w.getType() == Schema.Type.RECORD ? writerFieldFor(field, w) : null;
                r = field.schema();
                w = writerField == null ? null : writerField.schema();
                noteNamed(r, via);
                if (i + 1 < steps.length && steps[i + 1].equals("type")) {
                    i++;
                }
            } else if (step.equals("items") && r.getType() == Schema.Type.ARRAY) {
                path.append("[]");
                r = r.getElementType();
                w = w.getType() == Schema.Type.ARRAY ? w.getElementType() : null;
                noteNamed(r, via);
            } else if (step.equals("values") && r.getType() == Schema.Type.MAP) {
                path.append("{}");
                r = r.getValueType();
                w = w.getType() == Schema.Type.MAP ? w.getValueType() : null;
                noteNamed(r, via);
            } else if (step.matches("\\d+") && w.getType() == Schema.Type.UNION) {
                Schema branch = w.getTypes().get(Integer.parseInt(step));
                path.append(" -> ").append(nameOf(branch));
                w = branch;
                r = r.getType() == Schema.Type.UNION ? matchingBranch(r, branch) : r;
                noteNamed(branch, via);
            } else {
                break;
            }
        }
        return new Resolved(path.toString(), Set.copyOf(via));
    }

    private static void noteNamed(Schema schema, Set<String> via) {
        if (schema != null && (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED)) {
            via.add(schema.getFullName());
        }
    }

    private static Schema.Field writerFieldFor(Schema.Field readerField, Schema writer) {
        Schema.Field same = writer.getField(readerField.name());
        if (same != null) {
            return same;
        }
        return readerField.aliases().stream().map(writer::getField).filter(f -> f != null).findFirst().orElse(null);
    }

    private static Schema matchingBranch(Schema union, Schema writerBranch) {
        return union.getTypes().stream().filter(b -> nameOf(b).equals(nameOf(writerBranch))).findFirst().orElse(null);
    }

    static String nameOf(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getName();
            default -> schema.getType().getName();
        };
    }
}
