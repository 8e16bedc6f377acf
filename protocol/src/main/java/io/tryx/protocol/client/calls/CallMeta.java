package io.tryx.protocol.client.calls;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Objects;

/**
 * What every step of a call says: who sent the stanza ({@code from}), the call's id (the same for every step of
 * one call), who started the call ({@code creator}, with its other address {@code creatorAlt} when the server
 * named it: the phone-number JID of a LID caller or the reverse; null otherwise), the group of a group call
 * (null for 1:1), when the server stamped it, and whether it was held back while this device was offline.
 */
public record CallMeta(Jid from, String callId, Jid creator, Jid creatorAlt, Jid group, Instant timestamp,
                       boolean offline) {

    public CallMeta {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
