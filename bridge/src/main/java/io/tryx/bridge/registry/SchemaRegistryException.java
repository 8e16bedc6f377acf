package io.tryx.bridge.registry;

/**
 * A failed schema registry call. {@link #status()} is the HTTP status (0 when no response arrived: connection
 * refused, timeout, TLS failure) and {@link #errorCode()} the registry's {@code error_code} from the body
 * (0 when the body had none). The codes follow the Confluent API, which Apicurio's ccompat API, Karapace and
 * Redpanda reproduce: 40401 subject not found, 40402 version not found, 40403 schema not found, 409
 * incompatible schema, 42201 invalid schema, 42203 invalid compatibility level, 5xxxx server-side failures.
 */
public final class SchemaRegistryException extends RuntimeException {

    /** Subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Version not found. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Schema (id, or schema under a subject) not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** Schema incompatible with an earlier version (the code equals the HTTP status). */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** Invalid schema text. */
    public static final int INVALID_SCHEMA = 42201;
    /** Invalid compatibility level. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private final int status;
    private final int errorCode;
    private final String method;
    private final String path;

    public SchemaRegistryException(int status, int errorCode, String method, String path, String message,
                                   Throwable cause) {
        super(method + " " + path + " -> " + describe(status, errorCode) + ": " + message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.method = method;
        this.path = path;
    }

    private static String describe(int status, int errorCode) {
        if (status == 0) {
            return "no response";
        }
        return errorCode == 0 ? "HTTP " + status : "HTTP " + status + " (error_code " + errorCode + ")";
    }

    /** HTTP status, 0 when no response was received. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}, 0 when it sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** HTTP method of the failed call. */
    public String method() {
        return method;
    }

    /** Path of the failed call relative to the registry base URL. */
    public String path() {
        return path;
    }

    public boolean isSubjectNotFound() {
        return errorCode == SUBJECT_NOT_FOUND;
    }

    public boolean isVersionNotFound() {
        return errorCode == VERSION_NOT_FOUND;
    }

    public boolean isSchemaNotFound() {
        return errorCode == SCHEMA_NOT_FOUND;
    }

    public boolean isIncompatible() {
        return status == 409;
    }

    public boolean isInvalidSchema() {
        return errorCode == INVALID_SCHEMA;
    }

    public boolean isUnauthorized() {
        return status == 401 || status == 403;
    }

    /** Whether trying again later may succeed: no response, HTTP 5xx or 429. */
    public boolean isTransient() {
        return isTransientStatus(status);
    }

    static boolean isTransientStatus(int status) {
        return status == 0 || status == 429 || status >= 500;
    }
}
