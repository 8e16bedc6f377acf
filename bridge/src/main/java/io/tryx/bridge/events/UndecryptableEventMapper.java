package io.tryx.bridge.events;

import io.tryx.common.v1.MessageKey;
import io.tryx.events.v1.UndecryptableMessageEvent;
import io.tryx.events.v1.UndecryptableReason;
import io.tryx.protocol.client.messaging.DecryptFailure;
import io.tryx.protocol.client.messaging.MessageEvent.UndecryptableMessage;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Maps an {@link UndecryptableMessage} to an {@link UndecryptableMessageEvent}. The runtime answers every
 * undecryptable stanza that carried ciphertext with a retry receipt (until its retry budget is spent), so
 * {@code willRetry} is true unless the stanza had no ciphertext at all.
 */
public final class UndecryptableEventMapper {

    public UndecryptableMessageEvent map(EventOrigin origin, UndecryptableMessage undecryptable) {
        MessageInfo info = undecryptable.info();
        String chat = info.chat().toString();
        Instant timestamp = info.timestamp().truncatedTo(ChronoUnit.MILLIS);
        return UndecryptableMessageEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chat, info.id(), EventKind.UNDECRYPTABLE))
                .setAccount(origin.account())
                .setChat(chat)
                .setTimestamp(timestamp)
                .setSource(origin.source(timestamp))
                .setKey(MessageKey.newBuilder().setChat(chat).setId(info.id()).setFromMe(info.fromMe())
                        .setSender(info.group() ? info.sender().toNonAd().toString() : null).build())
                .setPushName(info.pushName().isEmpty() ? null : info.pushName())
                .setReason(reason(undecryptable.reason()))
                .setDetail(undecryptable.detail().isEmpty() ? null : undecryptable.detail())
                .setWillRetry(undecryptable.reason() != DecryptFailure.NO_CONTENT)
                .build();
    }

    static UndecryptableReason reason(DecryptFailure failure) {
        return switch (failure) {
            case NO_SESSION -> UndecryptableReason.NO_SESSION;
            case NO_SENDER_KEY -> UndecryptableReason.NO_SENDER_KEY;
            case BAD_MAC, INVALID_PREKEY, MALFORMED -> UndecryptableReason.INVALID_MESSAGE;
            case UNSUPPORTED, NO_CONTENT -> UndecryptableReason.UNSUPPORTED_TYPE;
        };
    }
}
