package io.tryx.protocol.client;

import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HousekeepingTest {

    static final ClientEvent CONNECTED = new ClientEvent.Connected(Jid.parse("15550001111:2@s.whatsapp.net"), null);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger prunes = new AtomicInteger();
    private final Housekeeping housekeeping = new Housekeeping(scheduler, Runnable::run, prunes::incrementAndGet,
            Duration.ofHours(6));

    @Test
    void prunesAfterEachLoginAndThenEveryPeriodWhileConnected() {
        housekeeping.onEvent(CONNECTED);
        assertThat(prunes).hasValue(1);

        scheduler.advance(Duration.ofHours(5));
        assertThat(prunes).hasValue(1);
        scheduler.advance(Duration.ofHours(1));
        assertThat(prunes).hasValue(2);
        scheduler.advance(Duration.ofHours(12));
        assertThat(prunes).hasValue(4);
        assertThat(scheduler.pending()).hasSize(1);
    }

    @Test
    void stopsWhenTheConnectionEndsAndStartsAgainOnTheNextLogin() {
        housekeeping.onEvent(CONNECTED);
        housekeeping.onEvent(new ClientEvent.Disconnected("socket closed", Duration.ofSeconds(1)));
        scheduler.advance(Duration.ofDays(1));
        assertThat(prunes).hasValue(1);
        assertThat(scheduler.pending()).isEmpty();

        housekeeping.onEvent(CONNECTED);
        housekeeping.onEvent(CONNECTED);
        assertThat(prunes).hasValue(3);
        assertThat(scheduler.pending()).as("one schedule per connection, not one per login event").hasSize(1);
    }

    @Test
    void stopCancelsTheNextRunForGood() {
        housekeeping.onEvent(CONNECTED);
        housekeeping.stop();
        scheduler.advance(Duration.ofDays(2));
        assertThat(prunes).hasValue(1);
    }
}
