package io.tryx.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The contract's compatibility rule: every named type of a release must still be readable by the current type of
 * the same full name (or one that lists it as an alias), i.e. current-as-reader against released-as-writer, checked
 * with Avro's own {@link SchemaCompatibility}. Applied to every release this is BACKWARD_TRANSITIVE: a consumer on
 * the current schemas reads everything ever written with any released version.
 */
public final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /**
     * One breaking difference found while checking {@code type}: what Avro reports, where (its location and the same
     * as names), and the other named types the location passes through.
     */
    public record Violation(String release, String type, String detail, Set<String> via) {
        @Override
        public String toString() {
            return "release " + release + ", " + type + ": " + detail;
        }
    }

    /** Every violation of the rule by {@code current} against the named types of {@code release}. */
    public static List<Violation> check(String release, Map<String, Schema> released, Map<String, Schema> current) {
        List<Violation> violations = new ArrayList<>();
        released.forEach((name, writer) -> {
            Optional<Schema> reader = readerFor(name, current);
            if (reader.isEmpty()) {
                violations.add(new Violation(release, name,
                        "removed: no current type has this full name or lists it as an alias", Set.of()));
                return;
            }
            SchemaPairCompatibility pair = SchemaCompatibility.checkReaderWriterCompatibility(reader.get(), writer);
            if (pair.getType() != SchemaCompatibilityType.COMPATIBLE) {
                for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
                    violations.add(violation(release, name, incompatibility, reader.get(), writer));
                }
            }
        });
        return violations;
    }

    /**
     * A report for people: first the root causes (violations whose location passes through no other broken type),
     * then the types that only break because they contain one. Empty when there are no violations.
     */
    public static String report(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "";
        }
        Set<String> broken = violations.stream().map(Violation::type).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder("Breaking changes (current schemas cannot read data written with a release):\n");
        Set<String> containers = new TreeSet<>();
        for (Violation v : violations) {
            if (v.via().stream().noneMatch(broken::contains)) {
                out.append("  ").append(v).append('\n');
            } else {
                containers.add(v.type());
            }
        }
        if (!containers.isEmpty()) {
            out.append("Also broken because they contain the above: ").append(String.join(", ", containers)).append('\n');
        }
        return out.toString();
    }

    private static Violation violation(String release, String type, Incompatibility incompatibility, Schema reader,
                                       Schema writer) {
        LocationPath.Resolved where = LocationPath.resolve(incompatibility.getLocation(), reader, writer);
        String detail = incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + where.path() + "): "
                + incompatibility.getMessage() + " [current: " + fragment(incompatibility.getReaderFragment())
                + "; released: " + fragment(incompatibility.getWriterFragment()) + "]";
        return new Violation(release, type, detail, where.via());
    }

    private static Optional<Schema> readerFor(String fullName, Map<String, Schema> current) {
        Schema sameName = current.get(fullName);
        if (sameName != null) {
            return Optional.of(sameName);
        }
        return current.values().stream()
                .filter(s -> s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM
                        || s.getType() == Schema.Type.FIXED)
                .filter(s -> s.getAliases().contains(fullName))
                .findFirst();
    }

    private static String fragment(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName()
                    + (schema.getType() == Schema.Type.ENUM ? " " + schema.getEnumSymbols() : "");
            case UNION -> "union of " + schema.getTypes().stream().map(LocationPath::nameOf).toList();
            default -> schema.toString();
        };
    }
}
