package io.tryx.protocol.client.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The default disappearing-messages timer for new chats.
 *
 * @param duration the timer, {@link Duration#ZERO} when off
 * @param setAt    when it was set, null when never
 */
public record DisappearingTimer(Duration duration, Instant setAt) {

    /** The timers WhatsApp offers: off, 24 hours, 7 days, 90 days. */
    public static final List<Duration> OFFERED = List.of(Duration.ZERO, Duration.ofHours(24), Duration.ofDays(7),
            Duration.ofDays(90));

    /** Reads {@code <disappearing_mode duration t/>} attributes. */
    public static DisappearingTimer fromWire(long seconds, long t) {
        return new DisappearingTimer(Duration.ofSeconds(seconds), t == 0 ? null : Instant.ofEpochSecond(t));
    }
}
