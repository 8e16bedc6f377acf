package io.tryx.bridge.config;

import java.util.Optional;

/**
 * A configuration that cannot be used, with what is wrong ({@link #reason()}), the setting concerned and where
 * its value came from. The command line prints the message and exits with status 2.
 */
public final class ConfigException extends RuntimeException {

    /** What kind of problem. */
    public enum Reason {
        /** The file named by {@code --config} does not exist or cannot be read. */
        FILE_UNREADABLE,
        /** The file is not valid YAML or properties, or has a value of the wrong shape (a list). */
        FILE_MALFORMED,
        /** The file names a setting that does not exist (typically a typo). */
        UNKNOWN_KEY,
        /** A value does not parse or is out of range. */
        INVALID_VALUE,
        /** A setting required by the others is missing. */
        MISSING_VALUE,
        /** Two settings contradict each other. */
        CONFLICT
    }

    private final Reason reason;
    private final String key;

    public ConfigException(Reason reason, String key, String message) {
        super(message);
        this.reason = reason;
        this.key = key;
    }

    public ConfigException(Reason reason, String key, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.key = key;
    }

    public Reason reason() {
        return reason;
    }

    /** The setting concerned ({@code http.port}), when the problem is about one. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
