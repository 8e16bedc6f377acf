package io.tryx.protocol.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FibonacciBackoffTest {

    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    @Test
    void growsAlongFibonacciUpToTheCap() {
        FibonacciBackoff backoff = new FibonacciBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, random);
        assertThat(IntStream.range(0, 10).mapToObj(backoff::nominal).map(Duration::toSeconds).toList())
                .containsExactly(1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 30L, 30L);
        assertThat(backoff.nominal(10_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void jitterStaysWithinItsBand() {
        FibonacciBackoff backoff = new FibonacciBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2, random);
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.delay(4)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(6000));
        }
        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.delay(4)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new FibonacciBackoff(Duration.ZERO, Duration.ofSeconds(1), 0, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FibonacciBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FibonacciBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1, random))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
