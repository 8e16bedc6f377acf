package io.tryx.bridge.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of the Confluent schema registry REST API for Avro schemas, written against the documented paths
 * and error codes so it works with Confluent Schema Registry, Karapace, Redpanda and Apicurio's
 * {@code /apis/ccompat/v7} API. Ids by schema (per subject) and schemas by id are cached for the life of the
 * client: both mappings are immutable on the registry side. Thread-safe; close it to release the HTTP client.
 */
public final class SchemaRegistryClient implements AutoCloseable {

    private final RegistryHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    public SchemaRegistryClient(SchemaRegistryConfig config) {
        this.http = new RegistryHttp(config, json);
    }

    /** A client with default settings for {@code baseUrl}. */
    public static SchemaRegistryClient of(String baseUrl) {
        return new SchemaRegistryClient(SchemaRegistryConfig.builder(baseUrl).build());
    }

    /**
     * Registers {@code schema} under {@code subject} (a no-op returning the existing id when it is already
     * there) and returns its global id. POST {@code /subjects/{subject}/versions}.
     *
     * @throws SchemaRegistryException {@code isIncompatible()} when the subject's compatibility rule rejects it
     */
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.call("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema));
        int id = requireInt(answer, "id", "POST", "/subjects/" + subject + "/versions");
        idsBySchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /**
     * Finds {@code schema} among the versions of {@code subject} without registering it. POST {@code /subjects/{subject}}.
     *
     * @throws SchemaRegistryException {@code isSubjectNotFound()} or {@code isSchemaNotFound()} when it is not there
     */
    public RegisteredSchema lookup(String subject, Schema schema) {
        String path = "/subjects/" + segment(subject);
        JsonNode answer = http.call("POST", path, schemaBody(schema));
        int id = requireInt(answer, "id", "POST", path);
        int version = requireInt(answer, "version", "POST", path);
        idsBySchema.putIfAbsent(new SubjectSchema(subject, schema), id);
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, version, id, schema);
    }

    /** The id of an already registered schema, from the cache or by {@link #lookup}. */
    public int idOf(String subject, Schema schema) {
        Integer cached = idsBySchema.get(new SubjectSchema(subject, schema));
        return cached != null ? cached : lookup(subject, schema).id();
    }

    /**
     * The schema with global id {@code id}. GET {@code /schemas/ids/{id}}.
     *
     * @throws SchemaRegistryException {@code isSchemaNotFound()} for an unknown id; a 200 answer carrying a
     *                                 non-Avro schema or unparsable text is reported as status 200, code 0
     */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String path = "/schemas/ids/" + id;
        JsonNode answer = http.call("GET", path, null);
        Schema schema = parseAvro(answer, "GET", path);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    /** The latest version of {@code subject}. GET {@code /subjects/{subject}/versions/latest}. */
    public RegisteredSchema latest(String subject) {
        return version(subject, "latest");
    }

    /** One version of {@code subject}. GET {@code /subjects/{subject}/versions/{version}}. */
    public RegisteredSchema version(String subject, int version) {
        return version(subject, Integer.toString(version));
    }

    private RegisteredSchema version(String subject, String version) {
        String path = "/subjects/" + segment(subject) + "/versions/" + version;
        JsonNode answer = http.call("GET", path, null);
        Schema schema = parseAvro(answer, "GET", path);
        int id = requireInt(answer, "id", "GET", path);
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(answer.path("subject").asText(subject),
                requireInt(answer, "version", "GET", path), id, schema);
    }

    /** All subjects. GET {@code /subjects}. */
    public List<String> subjects() {
        JsonNode answer = http.call("GET", "/subjects", null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(node -> subjects.add(node.asText()));
        return List.copyOf(subjects);
    }

    /** The version numbers of {@code subject}. GET {@code /subjects/{subject}/versions}. */
    public List<Integer> versions(String subject) {
        JsonNode answer = http.call("GET", "/subjects/" + segment(subject) + "/versions", null);
        List<Integer> versions = new ArrayList<>();
        answer.forEach(node -> versions.add(node.asInt()));
        return List.copyOf(versions);
    }

    /**
     * Whether {@code schema} could be registered as the next version of {@code subject} under its compatibility
     * rule. POST {@code /compatibility/subjects/{subject}/versions/latest?verbose=true}. A subject that does
     * not exist yet accepts any schema (Confluent answers 40401 there, Apicurio {@code is_compatible: true}).
     */
    public CompatibilityResult checkCompatibility(String subject, Schema schema) {
        String path = "/compatibility/subjects/" + segment(subject) + "/versions/latest?verbose=true";
        JsonNode answer;
        try {
            answer = http.call("POST", path, schemaBody(schema));
        } catch (SchemaRegistryException e) {
            if (e.isSubjectNotFound() || e.isVersionNotFound()) {
                return new CompatibilityResult(true, List.of());
            }
            throw e;
        }
        if (!answer.has("is_compatible")) {
            throw new SchemaRegistryException(200, 0, "POST", path, "answer has no is_compatible", null);
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(node -> messages.add(node.asText()));
        return new CompatibilityResult(answer.get("is_compatible").asBoolean(), messages);
    }

    /** The global compatibility level. GET {@code /config}. */
    public Compatibility globalCompatibility() {
        return compatibilityAt("/config");
    }

    /**
     * The compatibility level in force for {@code subject} (its own, or the global one when it has none).
     * GET {@code /config/{subject}?defaultToGlobal=true}.
     */
    public Compatibility compatibility(String subject) {
        return compatibilityAt("/config/" + segment(subject) + "?defaultToGlobal=true");
    }

    private Compatibility compatibilityAt(String path) {
        JsonNode answer = http.call("GET", path, null);
        JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
        if (level == null) {
            throw new SchemaRegistryException(200, 0, "GET", path, "answer has no compatibility level", null);
        }
        try {
            return Compatibility.valueOf(level.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException(200, 0, "GET", path, "unknown compatibility level " + level.asText(), e);
        }
    }

    /** Sets the global compatibility level. PUT {@code /config}. */
    public void setGlobalCompatibility(Compatibility level) {
        http.call("PUT", "/config", compatibilityBody(level));
    }

    /** Sets the compatibility level of {@code subject}. PUT {@code /config/{subject}}. */
    public void setCompatibility(String subject, Compatibility level) {
        http.call("PUT", "/config/" + segment(subject), compatibilityBody(level));
    }

    private ObjectNode compatibilityBody(Compatibility level) {
        return json.createObjectNode().put("compatibility", Objects.requireNonNull(level, "level").name());
    }

    private ObjectNode schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", Objects.requireNonNull(schema, "schema").toString());
    }

    private static Schema parseAvro(JsonNode answer, String method, String path) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException(200, 0, method, path, "not an Avro schema but " + type, null);
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(200, 0, method, path, "answer has no schema text", null);
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, 0, method, path, "unparsable Avro schema: " + e.getMessage(), e);
        }
    }

    private static int requireInt(JsonNode answer, String field, String method, String path) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException(200, 0, method, path, "answer has no integer " + field, null);
        }
        return value.asInt();
    }

    /** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("subject must not be empty");
        }
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
