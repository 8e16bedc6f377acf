package io.tryx.bridge.events;

import io.tryx.events.v1.ReceiptEvent;
import io.tryx.events.v1.ReceiptType;
import io.tryx.events.v1.UndecryptableMessageEvent;
import io.tryx.events.v1.UndecryptableReason;
import io.tryx.protocol.client.messaging.DecryptFailure;
import io.tryx.protocol.client.messaging.MessageEvent.ReceiptReceived;
import io.tryx.protocol.client.messaging.MessageEvent.UndecryptableMessage;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.ContractRuntime;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipts and undecryptable messages mapped to their events. */
class ReceiptAndUndecryptableMapperTest {

    private static final String ACCOUNT = "15551110000@s.whatsapp.net";
    private static final Jid PEER = Jid.parse("15552220000@s.whatsapp.net");
    private static final Instant AT = Instant.ofEpochSecond(1_760_000_000L);
    private static final EventOrigin ORIGIN = new EventOrigin(ACCOUNT, null, "15551110000:3@s.whatsapp.net", "9.9.9");

    @BeforeAll
    static void contract() {
        ContractRuntime.install();
    }

    @Test
    void aReadReceiptForTwoMessagesWithItsCompositeEventId() {
        ReceiptEvent event = new ReceiptEventMapper().map(ORIGIN, new ReceiptReceived(
                io.tryx.protocol.client.messaging.ReceiptType.READ, PEER, PEER.withDevice(2), List.of("A1", "A2"), AT, true))
                .orElseThrow();

        assertThat(event.getType()).isEqualTo(ReceiptType.READ);
        assertThat(event.getChat()).isEqualTo(PEER.toString());
        assertThat(event.getSender()).isEqualTo("15552220000:2@s.whatsapp.net");
        assertThat(event.getMessageIds()).containsExactly("A1", "A2");
        assertThat(event.getFromMe()).isTrue();
        assertThat(event.getTimestamp()).isEqualTo(AT);
        assertThat(event.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, PEER.toString(),
                "READ/15552220000:2@s.whatsapp.net/A1,A2", EventKind.RECEIPT));
    }

    @Test
    void everyReceiptTypeHasItsSymbolAndPeerMessagesAreNotEvents() {
        for (var type : io.tryx.protocol.client.messaging.ReceiptType.values()) {
            var mapped = new ReceiptEventMapper().map(ORIGIN, new ReceiptReceived(type, PEER, PEER, List.of("A"), AT, false));
            if (type == io.tryx.protocol.client.messaging.ReceiptType.PEER_MSG) {
                assertThat(mapped).isEmpty();
            } else {
                assertThat(mapped.orElseThrow().getType().name())
                        .isEqualTo(type == io.tryx.protocol.client.messaging.ReceiptType.OTHER ? "UNKNOWN" : type.name());
            }
        }
    }

    @Test
    void anUndecryptableMessageSaysWhyAndWhetherARetryWasAsked() {
        MessageInfo info = new MessageInfo("3EB0BAD", PEER, PEER.withDevice(1), null, false, false, AT, "Peer", "", "text",
                false);
        UndecryptableMessageEvent event = new UndecryptableEventMapper().map(ORIGIN,
                new UndecryptableMessage(info, DecryptFailure.NO_SESSION, "no session with 15552220000:1"));

        assertThat(event.getReason()).isEqualTo(UndecryptableReason.NO_SESSION);
        assertThat(event.getWillRetry()).isTrue();
        assertThat(event.getDetail()).contains("no session with 15552220000:1");
        assertThat(event.getKey().getId()).isEqualTo("3EB0BAD");
        assertThat(event.getPushName()).contains("Peer");
        assertThat(event.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, PEER.toString(), "3EB0BAD", EventKind.UNDECRYPTABLE));
        assertThat(new UndecryptableEventMapper().map(ORIGIN, new UndecryptableMessage(info, DecryptFailure.NO_CONTENT, ""))
                .getWillRetry()).isFalse();
        assertThat(UndecryptableEventMapper.reason(DecryptFailure.BAD_MAC)).isEqualTo(UndecryptableReason.INVALID_MESSAGE);
        assertThat(UndecryptableEventMapper.reason(DecryptFailure.NO_SENDER_KEY)).isEqualTo(UndecryptableReason.NO_SENDER_KEY);
    }
}
