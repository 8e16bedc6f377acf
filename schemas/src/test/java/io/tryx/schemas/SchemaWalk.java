package io.tryx.schemas;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** Collects every named type reachable from some schemas, by full name. */
public final class SchemaWalk {

    private SchemaWalk() {
    }

    public static Map<String, Schema> namedTypes(Collection<Schema> roots) {
        Map<String, Schema> seen = new LinkedHashMap<>();
        roots.forEach(root -> visit(root, seen));
        return seen;
    }

    private static void visit(Schema schema, Map<String, Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> visit(f.schema(), seen));
                }
            }
            case ENUM, FIXED -> seen.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> visit(schema.getElementType(), seen);
            case MAP -> visit(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(t -> visit(t, seen));
            default -> {
            }
        }
    }
}
