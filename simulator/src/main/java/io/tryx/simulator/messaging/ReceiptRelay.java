package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.StanzaRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Receipts: a client's {@code <receipt id to type? participant? recipient?><list><item id/></list>?...</receipt>}
 * (delivery has no type, or {@code inactive} which is relayed as a plain delivery; {@code read}, {@code played}, {@code sender}, {@code retry} with its keys) is acked
 * with {@code <ack class="receipt" id from=to type?/>} and relayed to every device of the account it is
 * addressed to as {@code <receipt from="receiver device" id t type? recipient?>children</receipt>}, {@code from}
 * naming the device that sent the receipt (the bare user for the phone) in the addressing domain of {@code to},
 * as the real server does: a retry receipt must say which device to encrypt for. A companion's {@code peer_msg} /
 * {@code hist_sync} receipt for its own phone's peer message is acked only. Receipts without id or a resolvable {@code to} are acked with
 * {@code error="400"} and dropped.
 */
public final class ReceiptRelay {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRelay.class);

    private final Directory directory;
    private final Delivery delivery;
    private final InstantSource clock;

    public ReceiptRelay(Directory directory, Delivery delivery, InstantSource clock) {
        this.directory = directory;
        this.delivery = delivery;
        this.clock = clock;
    }

    public void register(StanzaRouter router) {
        router.stanza("receipt", this::handle);
    }

    /** Handles a {@code receipt} stanza of a connection: relays it and sends the ack. */
    public void handle(ChatConnection connection, Node receipt) {
        if (connection.device() == null) {
            return;
        }
        connection.send(relay(connection.device().account(), connection.device().deviceId(), receipt));
    }

    /** Relays a receipt sent by {@code senderDevice} of {@code sender}; returns the ack for the sender. */
    public Node relay(Account sender, int senderDevice, Node receipt) {
        String id = receipt.attrs().optionalString("id").orElse("");
        Optional<String> type = receipt.attrs().optionalString("type");
        Optional<Jid> to;
        try {
            to = receipt.attrs().optionalString("to").map(Jid::parse);
        } catch (RuntimeException e) {
            to = Optional.empty();
        }
        Node.Builder ack = Node.builder("ack").attr("class", "receipt").attr("id", id);
        type.ifPresent(t -> ack.attr("type", t));
        Optional<Account> target = to.flatMap(directory::account);
        if (id.isEmpty() || target.isEmpty()) {
            log.info("receipt without id or known recipient: {}", receipt);
            return ack.attr("from", to.map(Jid::toString).orElse("s.whatsapp.net")).attr("error", "400").build();
        }
        ack.attr("from", to.get());
        if (target.get() == sender && type.filter(t -> t.equals("peer_msg") || t.equals("hist_sync")).isPresent()) {
            return ack.build(); // acknowledges the phone's peer message; the phone keeps no outbox
        }
        boolean lid = to.get().isLid();
        Node.Builder out = Node.builder("receipt")
                .attr("from", Directory.sameDomainAs(sender, senderDevice, lid))
                .attr("id", id)
                .attr("t", clock.instant().getEpochSecond());
        // an "inactive" receipt (the receiver was not in the foreground) reaches the sender as a plain delivery
        type.filter(t -> !t.equals("inactive")).ifPresent(t -> out.attr("type", t));
        receipt.attrs().optionalString("recipient").ifPresent(r -> out.attr("recipient", r));
        receipt.attrs().optionalString("participant").ifPresent(p -> out.attr("participant", p));
        if (!receipt.children().isEmpty()) {
            out.children(receipt.children());
        }
        Node relayed = out.build();
        log.debug("receipt {} from {}:{} relayed to {}", id, sender.phone(), senderDevice, target.get().phone());
        for (int device : Directory.deviceIds(target.get())) {
            if (target.get() == sender && device == senderDevice) {
                continue;
            }
            if (device == 0) {
                // the mock phone keeps no outbox, receipts to it are dropped
                continue;
            }
            delivery.deliver(target.get().jid().withDevice(device), relayed);
        }
        return ack.build();
    }
}
