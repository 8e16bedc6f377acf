package io.tryx.bridge.registry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries of transient registry failures (IO errors, timeouts, HTTP 5xx and 429): up to {@code maxAttempts}
 * tries in all, waiting an exponentially growing, jittered delay between them, capped at {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Four attempts, 100 ms doubling up to 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** A single attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /** The wait before attempt {@code attempt} (2 = first retry): full exponential delay, minus up to 25 % jitter. */
    public Duration backoffBefore(int attempt) {
        if (attempt < 2 || initialBackoff.isZero()) {
            return Duration.ZERO;
        }
        long base = initialBackoff.toMillis();
        int doublings = Math.min(attempt - 2, 30);
        long exp = Math.min(maxBackoff.toMillis(), base << doublings);
        long jitter = exp / 4 == 0 ? 0 : ThreadLocalRandom.current().nextLong(exp / 4 + 1);
        return Duration.ofMillis(Math.max(0, exp - jitter));
    }
}
