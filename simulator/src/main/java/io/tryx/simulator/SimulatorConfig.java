package io.tryx.simulator;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How to start a {@link Simulator}: bind host, chat/admin/media ports (0 = any free port), TLS on the chat
 * endpoint, the clock handlers use, and how many inbox entries and history messages each mock phone keeps
 * ({@code phoneInboxLimit}; the oldest are dropped beyond it).
 */
public record SimulatorConfig(String host, int port, int adminPort, int mediaPort, boolean tls, InstantSource clock,
                              int phoneInboxLimit) {

    /** The default {@link #phoneInboxLimit()}. */
    public static final int DEFAULT_PHONE_INBOX_LIMIT = 1000;

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        if (phoneInboxLimit <= 0) {
            throw new IllegalArgumentException("phoneInboxLimit must be positive");
        }
    }

    /** A configuration with the default phone inbox limit. */
    public SimulatorConfig(String host, int port, int adminPort, int mediaPort, boolean tls, InstantSource clock) {
        this(host, port, adminPort, mediaPort, tls, clock, DEFAULT_PHONE_INBOX_LIMIT);
    }

    /** Loopback, free ports, plain, system clock. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, 0, 0, false, InstantSource.system());
    }

    /** This configuration with another phone inbox limit. */
    public SimulatorConfig withPhoneInboxLimit(int limit) {
        return new SimulatorConfig(host, port, adminPort, mediaPort, tls, clock, limit);
    }
}
