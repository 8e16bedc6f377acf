package io.tryx.bridge.events;

import io.tryx.events.v1.CallOffered;
import io.tryx.events.v1.CallRejected;
import io.tryx.protocol.client.calls.CallEvent;
import io.tryx.protocol.client.calls.CallMeta;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CallEventMapperTest {

    static final String ACCOUNT = "15551110000@s.whatsapp.net";
    static final EventOrigin ORIGIN = new EventOrigin(ACCOUNT, "777@lid", "15551110000:3@s.whatsapp.net", "test");
    static final Jid PEER = Jid.parse("15552220000@s.whatsapp.net");
    static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
    private final CallEventMapper mapper = new CallEventMapper();

    @Test
    void aGroupOfferNoticeIsAnOfferInTheGroupsChat() {
        Jid group = Jid.parse("120363000000000001@g.us");
        var record = mapper.map(ORIGIN, new CallEvent.OfferNotice(
                new CallMeta(PEER, "C1", PEER, null, group, AT, false), "video", "group")).orElseThrow();
        assertThat(record.getChat()).isEqualTo(group.toString());
        assertThat(record.getCaller()).isEqualTo(PEER.toString());
        assertThat(record.getStep()).isEqualTo(CallOffered.newBuilder().setVideo(true).setGroup(group.toString()).build());
        assertThat(record.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, group.toString(), "C1", EventKind.CALL_OFFERED));
        assertThat(record.getTimestamp()).isEqualTo(AT);
    }

    @Test
    void aRejectOfOurOwnCallIsInTheCalleesChatAndNamesWhoRejected() {
        Jid us = Jid.parse("15551110000@s.whatsapp.net");
        var record = mapper.map(ORIGIN, new CallEvent.Rejected(new CallMeta(PEER, "C2", us, null, null, AT, false)))
                .orElseThrow();
        assertThat(record.getChat()).isEqualTo(PEER.toString());
        assertThat(record.getCaller()).isEqualTo(us.toString());
        assertThat(record.getStep()).isEqualTo(CallRejected.newBuilder().setBy(PEER.toString()).build());
    }

    @Test
    void ringingAndNegotiationAreNotPublished() {
        CallMeta meta = new CallMeta(PEER, "C3", PEER, null, null, AT, false);
        assertThat(mapper.map(ORIGIN, new CallEvent.PreAccepted(meta))).isEmpty();
        assertThat(mapper.map(ORIGIN, new CallEvent.Negotiation(meta, "transport"))).isEmpty();
    }
}
