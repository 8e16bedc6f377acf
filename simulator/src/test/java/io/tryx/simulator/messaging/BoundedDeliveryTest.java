package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.login.DeviceSessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-message structures of routing stay bounded: an offline queue drops (and counts) its oldest, dedupe forgets. */
class BoundedDeliveryTest {

    @Test
    void anOfflineQueueKeepsItsLimitAndCountsWhatItDropped() {
        Delivery delivery = new Delivery(new DeviceSessions());
        Jid device = Jid.device("15550001234", 1, "s.whatsapp.net");
        for (int i = 0; i < Delivery.QUEUE_LIMIT + 5; i++) {
            delivery.deliver(device, Node.builder("message").attr("id", "M" + i).build());
        }
        assertThat(delivery.queued(device)).isEqualTo(Delivery.QUEUE_LIMIT);
        assertThat(delivery.dropped()).isEqualTo(5);
    }

    @Test
    void theDedupeSetForgetsTheOldestIdBeyondItsLimit() {
        SeenIds seen = new SeenIds(2);
        assertThat(seen.firstTime("d", "1")).isTrue();
        assertThat(seen.firstTime("d", "1")).isFalse();
        seen.firstTime("d", "2");
        seen.firstTime("d", "3");
        assertThat(seen.firstTime("d", "1")).isTrue();
    }
}
