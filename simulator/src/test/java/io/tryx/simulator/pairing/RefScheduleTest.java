package io.tryx.simulator.pairing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefScheduleTest {

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RefSchedule schedule = new RefSchedule(List.of("a", "b", "c"), t0);

    @Test
    void firstRefLivesSixtySecondsThenEachNextTwenty() {
        assertThat(schedule.current(t0)).contains("a");
        assertThat(schedule.current(t0.plusSeconds(59))).contains("a");
        assertThat(schedule.current(t0.plusSeconds(60))).contains("b");
        assertThat(schedule.current(t0.plusSeconds(79))).contains("b");
        assertThat(schedule.current(t0.plusSeconds(80))).contains("c");
        assertThat(schedule.current(t0.plusSeconds(99))).contains("c");
    }

    @Test
    void exhaustedWhenTheLastRefExpires() {
        assertThat(schedule.exhaustedAt()).isEqualTo(t0.plus(Duration.ofSeconds(100)));
        assertThat(schedule.isExhausted(t0.plusSeconds(99))).isFalse();
        assertThat(schedule.isExhausted(t0.plusSeconds(100))).isTrue();
        assertThat(schedule.current(t0.plusSeconds(100))).isEmpty();
    }
}
