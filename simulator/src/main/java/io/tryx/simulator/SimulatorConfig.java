package io.tryx.simulator;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How to start a {@link Simulator}: bind host, chat/admin/media ports (0 = any free port), TLS on the chat
 * endpoint, the clock handlers use, how many inbox entries and history messages each mock phone keeps
 * ({@code phoneInboxLimit}; the oldest are dropped beyond it), and from which size (bytes of the encoded node) the
 * server zlib-compresses a stanza's frame as WhatsApp does with large stanzas ({@code compressAbove}; 0: never).
 */
public record SimulatorConfig(String host, int port, int adminPort, int mediaPort, boolean tls, InstantSource clock,
                              int phoneInboxLimit, int compressAbove) {

    /** The default {@link #phoneInboxLimit()}. */
    public static final int DEFAULT_PHONE_INBOX_LIMIT = 1000;
    /** The default {@link #compressAbove()}: stanzas over 4 KiB travel compressed. */
    public static final int DEFAULT_COMPRESS_ABOVE = 4096;

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        if (phoneInboxLimit <= 0) {
            throw new IllegalArgumentException("phoneInboxLimit must be positive");
        }
        if (compressAbove < 0) {
            throw new IllegalArgumentException("compressAbove must be 0 (never) or positive");
        }
    }

    /** A configuration with the given phone inbox limit and the default compression. */
    public SimulatorConfig(String host, int port, int adminPort, int mediaPort, boolean tls, InstantSource clock,
                           int phoneInboxLimit) {
        this(host, port, adminPort, mediaPort, tls, clock, phoneInboxLimit, DEFAULT_COMPRESS_ABOVE);
    }

    /** A configuration with the default phone inbox limit and compression. */
    public SimulatorConfig(String host, int port, int adminPort, int mediaPort, boolean tls, InstantSource clock) {
        this(host, port, adminPort, mediaPort, tls, clock, DEFAULT_PHONE_INBOX_LIMIT);
    }

    /** Loopback, free ports, plain, system clock. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, 0, 0, false, InstantSource.system());
    }

    /** This configuration with another phone inbox limit. */
    public SimulatorConfig withPhoneInboxLimit(int limit) {
        return new SimulatorConfig(host, port, adminPort, mediaPort, tls, clock, limit, compressAbove);
    }

    /** This configuration compressing stanzas whose encoded node exceeds {@code bytes} (0: never). */
    public SimulatorConfig withCompressAbove(int bytes) {
        return new SimulatorConfig(host, port, adminPort, mediaPort, tls, clock, phoneInboxLimit, bytes);
    }
}
