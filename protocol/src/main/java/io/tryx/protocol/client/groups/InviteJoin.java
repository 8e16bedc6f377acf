package io.tryx.protocol.client.groups;

import io.tryx.protocol.jid.Jid;

import java.util.Objects;

/**
 * What a join by invite did.
 *
 * @param group   the group
 * @param pending true when the group's admins approve who joins: we asked and are not in yet
 */
public record InviteJoin(Jid group, boolean pending) {

    public InviteJoin {
        Objects.requireNonNull(group, "group");
    }
}
