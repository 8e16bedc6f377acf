package io.tryx.simulator.connection;

/**
 * The faults injected into a connection: delay of each outbound frame, nodes and {@code message} stanzas still to drop,
 * frames held right now.
 */
public record FaultState(long delayMillis, int dropNext, int dropMessages, int held) {
}
