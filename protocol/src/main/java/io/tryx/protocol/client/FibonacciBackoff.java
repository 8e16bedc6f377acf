package io.tryx.protocol.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays growing along the Fibonacci sequence ({@code base} x 1, 1, 2, 3, 5, 8, ...), capped at
 * {@code max}, each multiplied by a uniform jitter in {@code [1 - jitter, 1 + jitter]} so many accounts do not
 * reconnect in lockstep.
 */
public record FibonacciBackoff(Duration base, Duration max, double jitter, RandomGenerator random) {

    /** 1 s base, 60 s cap, 10 % jitter. */
    public static FibonacciBackoff defaults() {
        return new FibonacciBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.1, RandomGenerator.of("L64X128MixRandom"));
    }

    public FibonacciBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    /** The delay before reconnect attempt {@code attempt} (0-based), without jitter. */
    public Duration nominal(int attempt) {
        long a = 1;
        long b = 1;
        long limit = max.toNanos() / base.toNanos() + 1;
        for (int i = 0; i < attempt && a <= limit; i++) {
            long next = a + b;
            a = b;
            b = next;
        }
        Duration delay = a > limit ? max : base.multipliedBy(a);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The jittered delay before reconnect attempt {@code attempt}. */
    public Duration delay(int attempt) {
        long nanos = nominal(attempt).toNanos();
        double factor = jitter == 0 ? 1 : 1 - jitter + 2 * jitter * random.nextDouble();
        return Duration.ofNanos((long) (nanos * factor));
    }
}
