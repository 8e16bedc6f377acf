package io.tryx.protocol.client.groups;

import io.tryx.protocol.jid.Jid;

import java.util.Objects;

/**
 * The server's answer for one participant of an add/remove/promote/demote request.
 *
 * @param jid   the participant as requested
 * @param error 0 when the change was made, else the server's code (404 no such user or not in the group,
 *              409 already in, 403 not allowed, ...)
 */
public record ParticipantResult(Jid jid, int error) {

    public ParticipantResult {
        Objects.requireNonNull(jid, "jid");
    }

    public boolean ok() {
        return error == 0;
    }
}
