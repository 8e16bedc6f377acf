package io.tryx.protocol.client.groups;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending request to join a group whose admins approve who joins ({@code <membership_approval_request jid
 * request_time/>}).
 *
 * @param requester   who asked (phone-number or LID user, as the group addresses it)
 * @param requestedAt when
 */
public record MembershipRequest(Jid requester, Instant requestedAt) {

    public MembershipRequest {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
