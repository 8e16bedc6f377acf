package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.messaging.Delivery;
import io.tryx.simulator.messaging.Directory;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Receipts for group messages: {@code <receipt id to="<id>@g.us" participant="message sender device"
 * type?>children</receipt>} is acked {@code <ack class="receipt" id from=group type?/>} and relayed to the
 * message sender's companions (not the receipt's own device) as {@code <receipt from=group
 * participant="receiving device" id t type?>children</receipt>} (its LID device in a LID-addressed group;
 * {@code inactive} becomes a plain delivery receipt). A missing id, an unknown group or a {@code participant} that is no account answers
 * {@code error="400"}.
 */
public final class GroupReceiptRelay {

    private final GroupRegistry groups;
    private final Directory directory;
    private final Delivery delivery;
    private final InstantSource clock;

    public GroupReceiptRelay(GroupRegistry groups, Directory directory, Delivery delivery, InstantSource clock) {
        this.groups = groups;
        this.directory = directory;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Relays a receipt sent by {@code senderDevice} of {@code sender}; returns the ack for the sender. */
    public Node relay(Account sender, int senderDevice, Node receipt) {
        String id = receipt.attrs().optionalString("id").orElse("");
        Optional<String> type = receipt.attrs().optionalString("type");
        String to = receipt.attrs().optionalString("to").orElse("");
        Node.Builder ack = Node.builder("ack").attr("class", "receipt").attr("id", id).attr("from", to);
        type.ifPresent(t -> ack.attr("type", t));
        Optional<Group> group = groups.find(to);
        Optional<Account> author;
        try {
            author = receipt.attrs().optionalString("participant").map(Jid::parse).flatMap(directory::account);
        } catch (RuntimeException e) {
            author = Optional.empty();
        }
        if (id.isEmpty() || group.isEmpty() || author.isEmpty()) {
            return ack.attr("error", "400").build();
        }
        Node.Builder out = Node.builder("receipt")
                .attr("from", group.get().jid())
                .attr("participant", (group.get().lidAddressed() ? sender.lid() : sender.jid()).withDevice(senderDevice))
                .attr("id", id)
                .attr("t", clock.instant().getEpochSecond());
        type.filter(t -> !t.equals("inactive")).ifPresent(t -> out.attr("type", t));
        if (!receipt.children().isEmpty()) {
            out.children(receipt.children());
        }
        Node relayed = out.build();
        for (LinkedDevice device : author.get().devices()) {
            if (author.get() == sender && device.deviceId() == senderDevice) {
                continue;
            }
            delivery.deliver(device.jid(), relayed);
        }
        return ack.build();
    }
}
