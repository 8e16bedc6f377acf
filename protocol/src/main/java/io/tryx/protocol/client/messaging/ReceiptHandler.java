package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Attrs;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Handles inbound {@code receipt} stanzas on the chat's lane: reports a {@link MessageEvent.ReceiptReceived}
 * (the first id from the attribute, more from {@code <list><item id/>}), answers retry receipts by sending the
 * message again ({@link RetryResponder}), then acknowledges with {@code <ack class="receipt">}. A receipt
 * without a parseable source is nacked (487).
 */
final class ReceiptHandler {

    private static final Logger log = LoggerFactory.getLogger(ReceiptHandler.class);

    private final AccountStore store;
    private final StanzaChannel channel;
    private final OrderedLanes<String> lanes;
    private final Listeners listeners;
    private final RetryResponder retries;

    ReceiptHandler(AccountStore store, StanzaChannel channel, OrderedLanes<String> lanes, Listeners listeners,
                   RetryResponder retries) {
        this.store = store;
        this.channel = channel;
        this.lanes = lanes;
        this.listeners = listeners;
        this.retries = retries;
    }

    /** Queues the receipt on its chat's lane; never blocks. */
    CompletableFuture<Void> onReceipt(Node receipt) {
        return lanes.submit(MessageReceiver.laneOf(receipt), () -> handle(receipt)).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("receipt {} not handled: {}", receipt.attrs().optionalString("id").orElse(""), error.toString());
            }
        });
    }

    private CompletableFuture<Void> handle(Node receipt) {
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired)
                .orElseThrow(() -> new IllegalStateException("receipt before pairing"));
        MessageEvent.ReceiptReceived event;
        try {
            event = parse(receipt, own);
        } catch (ProtocolException e) {
            log.info("unparseable receipt {}: {}", receipt, e.getMessage());
            return channel.send(MessagingNodes.ack(receipt, MessageReceiver.NACK_PARSING_ERROR));
        }
        CompletableFuture<Void> answered = event.type() == ReceiptType.RETRY
                ? CompletableFuture.completedFuture(own).thenCompose(o -> retries.resend(receipt, event, o)).exceptionally(error -> {
                    log.warn("retry receipt for {} from {} not answered: {}", event.ids(), event.sender(), error.toString());
                    return null;
                })
                : CompletableFuture.completedFuture(null);
        return answered.thenRun(() -> {
            listeners.dispatch(event);
            channel.send(MessagingNodes.ack(receipt, 0));
        });
    }

    /** The receipt's event: chat and sender as for messages (groups by {@code participant}, our devices by {@code recipient}). */
    static MessageEvent.ReceiptReceived parse(Node receipt, DeviceCredentials own) {
        Attrs attrs = receipt.attrs();
        Jid from = attrs.jid("from");
        Jid chat;
        Jid sender;
        boolean fromMe;
        if (from.isGroup() || from.server().equals("broadcast")) {
            chat = from;
            sender = attrs.optionalJid("participant").orElse(from);
            fromMe = Addressing.isOwn(sender, own);
        } else {
            fromMe = Addressing.isOwn(from, own);
            sender = from;
            chat = fromMe ? attrs.optionalJid("recipient").orElse(from.toNonAd()) : from.toNonAd();
        }
        List<String> ids = new ArrayList<>();
        ids.add(attrs.string("id"));
        receipt.child("list").ifPresent(list -> list.children("item").forEach(item ->
                item.attrs().optionalString("id").ifPresent(ids::add)));
        return new MessageEvent.ReceiptReceived(ReceiptType.fromWire(attrs.optionalString("type").orElse(null)), chat,
                sender, ids, Instant.ofEpochSecond(attrs.optionalLong("t").orElse(0L)), fromMe);
    }
}
