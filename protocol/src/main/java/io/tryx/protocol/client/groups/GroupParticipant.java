package io.tryx.protocol.client.groups;

import io.tryx.protocol.jid.Jid;

import java.util.Objects;

/**
 * One participant of a group.
 *
 * @param jid  the user as the group addresses it (phone-number or LID user, no device)
 * @param lid  the user's LID when the server told it (phone-number addressed groups), else null
 * @param role member, admin or superadmin
 */
public record GroupParticipant(Jid jid, Jid lid, GroupRole role) {

    public GroupParticipant {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(role, "role");
    }

    /** True when {@code user} (either domain, any device) is this participant. */
    public boolean is(Jid user) {
        return jid.sameUser(user) || (lid != null && lid.sameUser(user));
    }
}
