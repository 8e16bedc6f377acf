package io.tryx.protocol.client.calls;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads a {@code <call from id t [offline] [platform] [version]><step call-id call-creator [group-jid] [caller_pn|caller_lid] .../></call>}
 * stanza into a {@link CallEvent}. A call without exactly one child, or with a step this client does not know, is
 * empty; a step without {@code call-id} or {@code call-creator} fails with {@link ProtocolException}.
 */
public final class CallParser {

    private CallParser() {
    }

    public static Optional<CallEvent> parse(Node call) {
        if (!call.tag().equals("call") || call.children().size() != 1) {
            return Optional.empty();
        }
        Node step = call.children().getFirst();
        CallMeta meta = meta(call, step);
        String platform = call.attrs().optionalString("platform").orElse(null);
        String version = call.attrs().optionalString("version").orElse(null);
        return Optional.ofNullable(switch (step.tag()) {
            case "offer" -> new CallEvent.Offered(meta, step.child("video").isPresent(), platform, version);
            case "offer_notice" -> new CallEvent.OfferNotice(meta, step.attrs().optionalString("media").orElse(null),
                    step.attrs().optionalString("type").orElse(null));
            case "preaccept" -> new CallEvent.PreAccepted(meta);
            case "accept" -> new CallEvent.Accepted(meta);
            case "reject" -> new CallEvent.Rejected(meta);
            case "terminate" -> new CallEvent.Terminated(meta, step.attrs().optionalString("reason").orElse(null));
            case "relaylatency", "transport" -> new CallEvent.Negotiation(meta, step.tag());
            default -> null;
        });
    }

    private static CallMeta meta(Node call, Node step) {
        Jid creator = step.attrs().jid("call-creator");
        Jid alt = step.attrs().optionalJid(creator.isLid() ? "caller_pn" : "caller_lid").orElse(null);
        long t = call.attrs().optionalLong("t").orElse(0L);
        return new CallMeta(call.attrs().jid("from"), step.attrs().string("call-id"), creator, alt,
                step.attrs().optionalJid("group-jid").orElse(null), Instant.ofEpochSecond(t),
                call.attrs().has("offline"));
    }
}
