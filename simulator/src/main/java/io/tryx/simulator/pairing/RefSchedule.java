package io.tryx.simulator.pairing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The QR refs of one pairing connection and when each is current: the first for 60 s from issue, each
 * next one for 20 s after its predecessor. After the last one expires the server ends the stream (408).
 * Pure: time is always passed in.
 */
public record RefSchedule(List<String> refs, Instant issuedAt) {

    /** How long the first ref is shown. */
    public static final Duration FIRST = Duration.ofSeconds(60);
    /** How long each later ref is shown. */
    public static final Duration NEXT = Duration.ofSeconds(20);

    public RefSchedule {
        refs = List.copyOf(refs);
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("no refs");
        }
    }

    /** The ref current at {@code now}, if any. */
    public Optional<String> current(Instant now) {
        if (now.isBefore(issuedAt)) {
            return Optional.of(refs.getFirst());
        }
        Duration elapsed = Duration.between(issuedAt, now);
        if (elapsed.compareTo(FIRST) < 0) {
            return Optional.of(refs.getFirst());
        }
        long index = 1 + elapsed.minus(FIRST).toMillis() / NEXT.toMillis();
        return index < refs.size() ? Optional.of(refs.get((int) index)) : Optional.empty();
    }

    /** When the last ref stops being current. */
    public Instant exhaustedAt() {
        return issuedAt.plus(FIRST).plus(NEXT.multipliedBy(refs.size() - 1L));
    }

    public boolean isExhausted(Instant now) {
        return !now.isBefore(exhaustedAt());
    }
}
