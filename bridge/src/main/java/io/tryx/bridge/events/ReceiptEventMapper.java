package io.tryx.bridge.events;

import io.tryx.events.v1.ReceiptEvent;
import io.tryx.events.v1.ReceiptType;
import io.tryx.protocol.client.messaging.MessageEvent.ReceiptReceived;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import io.tryx.schemas.EventSubjects;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Maps a {@link ReceiptReceived} to a {@link ReceiptEvent}. {@code peer_msg} receipts (our own devices
 * acknowledging protocol messages between them) concern no chat message and map to nothing; types the runtime
 * does not know map to {@code UNKNOWN}.
 */
public final class ReceiptEventMapper {

    public Optional<ReceiptEvent> map(EventOrigin origin, ReceiptReceived receipt) {
        if (receipt.type() == io.tryx.protocol.client.messaging.ReceiptType.PEER_MSG) {
            return Optional.empty();
        }
        ReceiptType type = type(receipt.type());
        String chat = receipt.chat().toString();
        String sender = receipt.sender().toString();
        Instant timestamp = receipt.timestamp().truncatedTo(ChronoUnit.MILLIS);
        return Optional.of(ReceiptEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chat,
                        EventSubjects.receipt(type.name(), sender, receipt.ids()), EventKind.RECEIPT))
                .setAccount(origin.account())
                .setChat(chat)
                .setTimestamp(timestamp)
                .setSource(origin.source(timestamp))
                .setType(type)
                .setSender(sender)
                .setMessageIds(receipt.ids())
                .setFromMe(receipt.fromMe())
                .build());
    }

    static ReceiptType type(io.tryx.protocol.client.messaging.ReceiptType type) {
        return switch (type) {
            case DELIVERY -> ReceiptType.DELIVERY;
            case INACTIVE -> ReceiptType.INACTIVE;
            case READ -> ReceiptType.READ;
            case READ_SELF -> ReceiptType.READ_SELF;
            case PLAYED -> ReceiptType.PLAYED;
            case PLAYED_SELF -> ReceiptType.PLAYED_SELF;
            case SENDER -> ReceiptType.SENDER;
            case RETRY -> ReceiptType.RETRY;
            case SERVER_ERROR -> ReceiptType.SERVER_ERROR;
            case PEER_MSG, OTHER -> ReceiptType.UNKNOWN;
        };
    }
}
