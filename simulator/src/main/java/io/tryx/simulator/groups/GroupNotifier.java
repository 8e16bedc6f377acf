package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.messaging.Delivery;

import java.time.InstantSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends group change notifications: {@code <notification from="<id>@g.us" type="w:gp2" id t
 * participant="actor" participant_lid notify addressing_mode="pn">change</notification>} to every companion
 * of every recipient account (offline ones get it from their queue); clients answer with an
 * {@code ack class="notification"}, which the server takes silently. The mock phones keep no group state, so
 * device 0 gets none.
 */
public final class GroupNotifier {

    private final Delivery delivery;
    private final InstantSource clock;
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));

    public GroupNotifier(Delivery delivery, InstantSource clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Notifies {@code recipients} (each account once) that {@code actor} made {@code change} in {@code group}. */
    public void notify(Group group, Account actor, Collection<Account> recipients, Node change) {
        Node notification = Node.builder("notification")
                .attr("from", group.jid())
                .attr("type", "w:gp2")
                .attr("id", Long.toString(ids.incrementAndGet()))
                .attr("t", clock.instant().getEpochSecond())
                .attr("participant", group.lidAddressed() ? actor.lid() : actor.jid())
                .attr(group.lidAddressed() ? "participant_pn" : "participant_lid", group.lidAddressed() ? actor.jid() : actor.lid())
                .attr("notify", actor.pushName())
                .attr("addressing_mode", GroupNodes.addressingMode(group.lidAddressed()))
                .children(change).build();
        Map<String, Account> unique = new LinkedHashMap<>();
        recipients.forEach(a -> unique.putIfAbsent(a.phone(), a));
        for (Account account : unique.values()) {
            account.devices().forEach(device -> delivery.deliver(device.jid(), notification));
        }
    }

    /** Notifies the group's current participants. */
    public void notifyParticipants(Group group, Account actor, Node change) {
        notify(group, actor, group.participants().stream().map(Group.Participant::account).toList(), change);
    }
}
