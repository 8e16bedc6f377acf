package io.tryx.protocol.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Keepalive timing: a ping every {@code intervalMin}..{@code intervalMax} (uniform jitter, so many
 * accounts do not ping in lockstep); the connection is declared dead when a ping stays unanswered for
 * {@code responseTimeout}. Defaults (20-30 s, 20 s) follow whatsmeow and whatsapp-rust.
 */
public record KeepAliveConfig(Duration intervalMin, Duration intervalMax, Duration responseTimeout) {

    public static final KeepAliveConfig DEFAULT =
            new KeepAliveConfig(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(20));

    public KeepAliveConfig {
        positive(intervalMin, "intervalMin");
        positive(intervalMax, "intervalMax");
        positive(responseTimeout, "responseTimeout");
        if (intervalMax.compareTo(intervalMin) < 0) {
            throw new IllegalArgumentException("intervalMax " + intervalMax + " is below intervalMin " + intervalMin);
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
