package io.tryx.simulator.connection;

/** The faults injected into a connection: delay of each outbound frame, nodes still to drop, frames held right now. */
public record FaultState(long delayMillis, int dropNext, int held) {
}
