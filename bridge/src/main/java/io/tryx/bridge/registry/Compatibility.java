package io.tryx.bridge.registry;

/** The compatibility levels of the Confluent schema registry API (subject level or global). */
public enum Compatibility {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE
}
