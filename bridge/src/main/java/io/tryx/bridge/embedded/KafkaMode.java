package io.tryx.bridge.embedded;

import java.util.Locale;

/**
 * Where tests (and the embedded run) get Kafka and the schema registry, chosen with the system property
 * {@code tryx.kafka.mode}: {@link #EMBEDDED} starts both on this machine without Docker, {@link #EXTERNAL}
 * uses running ones named by {@code tryx.kafka.bootstrap} and {@code tryx.registry.url}, {@link #DOCKER}
 * would use Testcontainers (not built: selecting it fails loudly), {@link #AUTO} currently means embedded.
 */
public enum KafkaMode {
    EMBEDDED,
    EXTERNAL,
    DOCKER,
    AUTO;

    /** The system property naming the mode. */
    public static final String PROPERTY = "tryx.kafka.mode";

    /** The mode the system property selects; embedded when it is unset. */
    public static KafkaMode fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "embedded").trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be embedded, external, docker or auto, not " + value, e);
        }
    }

    /** The mode actually used: {@link #AUTO} resolves to {@link #EMBEDDED} (no Docker support yet). */
    public KafkaMode resolved() {
        return this == AUTO ? EMBEDDED : this;
    }
}
