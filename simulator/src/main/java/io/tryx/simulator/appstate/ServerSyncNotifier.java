package io.tryx.simulator.appstate;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.messaging.Delivery;
import io.tryx.simulator.router.Iqs;

import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells an account's companions that a collection moved on: {@code <notification from="s.whatsapp.net"
 * type="server_sync" id t><collection name version/></notification>} to each companion except the device that
 * made the change (offline ones get it from their queue); a client answers by syncing that collection. The mock
 * phone reads every stored patch directly, so device 0 gets none.
 */
final class ServerSyncNotifier {

    private final Delivery delivery;
    private final InstantSource clock;
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L));

    ServerSyncNotifier(Delivery delivery, InstantSource clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    void notify(Account account, int exceptDevice, String collection, long version) {
        Node notification = Node.builder("notification")
                .attr("from", Iqs.SERVER)
                .attr("type", "server_sync")
                .attr("id", Long.toString(ids.incrementAndGet()))
                .attr("t", clock.instant().getEpochSecond())
                .children(Node.builder("collection").attr("name", collection).attr("version", version).build())
                .build();
        for (LinkedDevice device : account.devices()) {
            if (device.deviceId() != exceptDevice) {
                delivery.deliver(device.jid(), notification);
            }
        }
    }
}
