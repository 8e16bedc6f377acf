package io.tryx.bridge.events;

import io.tryx.events.v1.CallAccepted;
import io.tryx.events.v1.CallEvent;
import io.tryx.events.v1.CallOffered;
import io.tryx.events.v1.CallRejected;
import io.tryx.events.v1.CallTerminated;
import io.tryx.protocol.client.calls.CallMeta;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Maps the runtime's call steps to {@link CallEvent}s: an offer (or a group call's offer notice) becomes
 * {@link CallOffered}, accept, reject and terminate their records ({@code by}: the JID that sent the step); ringing
 * and relay negotiation steps map to nothing. The chat is the group of a group call, else the other party: the
 * caller, or the callee when the account itself placed the call. The event id's subject is the call id, its kind
 * the step's branch.
 */
public final class CallEventMapper {

    public Optional<CallEvent> map(EventOrigin origin, io.tryx.protocol.client.calls.CallEvent event) {
        CallMeta meta = event.meta();
        SpecificRecord step = switch (event) {
            case io.tryx.protocol.client.calls.CallEvent.Offered offer ->
                    CallOffered.newBuilder().setVideo(offer.video()).setGroup(jid(meta.group())).build();
            case io.tryx.protocol.client.calls.CallEvent.OfferNotice notice ->
                    CallOffered.newBuilder().setVideo("video".equals(notice.media())).setGroup(jid(meta.group())).build();
            case io.tryx.protocol.client.calls.CallEvent.Accepted accepted ->
                    CallAccepted.newBuilder().setBy(meta.from().toString()).build();
            case io.tryx.protocol.client.calls.CallEvent.Rejected rejected ->
                    CallRejected.newBuilder().setBy(meta.from().toString()).build();
            case io.tryx.protocol.client.calls.CallEvent.Terminated terminated ->
                    CallTerminated.newBuilder().setReason(terminated.reason()).build();
            case io.tryx.protocol.client.calls.CallEvent.PreAccepted ignored -> null;
            case io.tryx.protocol.client.calls.CallEvent.Negotiation ignored -> null;
        };
        if (step == null) {
            return Optional.empty();
        }
        String caller = meta.creator().toNonAd().toString();
        String chat = meta.group() != null ? meta.group().toString()
                : origin.isOwn(caller) ? meta.from().toNonAd().toString() : caller;
        Instant timestamp = meta.timestamp().truncatedTo(ChronoUnit.MILLIS);
        return Optional.of(CallEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chat, meta.callId(), EventKind.of(step)))
                .setAccount(origin.account())
                .setChat(chat)
                .setTimestamp(timestamp)
                .setSource(origin.source(timestamp))
                .setCallId(meta.callId())
                .setCaller(caller)
                .setStep(step)
                .build());
    }

    private static String jid(io.tryx.protocol.jid.Jid jid) {
        return jid == null ? null : jid.toString();
    }
}
