package io.tryx.protocol.client.groups;

import io.tryx.protocol.jid.Jid;

import java.util.Objects;

/**
 * One participant of a group.
 *
 * @param jid         the user as the group addresses it (phone-number or LID user, no device)
 * @param lid         the user's LID when known (the {@code jid} itself in LID-addressed groups, the {@code lid}
 *                    attribute in phone-number addressed ones), else null
 * @param phoneNumber the user's phone-number JID when known (the {@code jid} itself in phone-number addressed
 *                    groups, the {@code phone_number} attribute in LID-addressed ones), else null
 * @param role        member, admin or superadmin
 */
public record GroupParticipant(Jid jid, Jid lid, Jid phoneNumber, GroupRole role) {

    public GroupParticipant {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(role, "role");
        if (lid == null && jid.isLid()) {
            lid = jid;
        }
        if (phoneNumber == null && jid.isPhoneUser()) {
            phoneNumber = jid;
        }
    }

    /** A participant with its LID as told (the phone number follows from a phone-number {@code jid}). */
    public GroupParticipant(Jid jid, Jid lid, GroupRole role) {
        this(jid, lid, null, role);
    }

    /** True when {@code user} (either domain, any device) is this participant. */
    public boolean is(Jid user) {
        return jid.sameUser(user) || (lid != null && lid.sameUser(user))
                || (phoneNumber != null && phoneNumber.sameUser(user));
    }
}
