package io.tryx.simulator;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How to start a {@link Simulator}: bind host, chat/admin/media ports (0 = any free port), TLS on the chat
 * endpoint (not built yet) and the clock handlers use.
 */
public record SimulatorConfig(String host, int port, int adminPort, int mediaPort, boolean tls, InstantSource clock) {

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
    }

    /** Loopback, free ports, plain, system clock. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, 0, 0, false, InstantSource.system());
    }
}
