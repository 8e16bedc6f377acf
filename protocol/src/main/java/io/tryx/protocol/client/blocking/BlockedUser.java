package io.tryx.protocol.client.blocking;

import io.tryx.protocol.jid.Jid;

/**
 * One blocked user.
 *
 * @param jid   the user as the server lists it (its LID, or its phone-number JID)
 * @param phone the phone-number JID when the server sent it ({@code pn_jid}), else null
 */
public record BlockedUser(Jid jid, Jid phone) {

    /** True when {@code user} (LID or phone-number JID) is this blocked user. */
    public boolean is(Jid user) {
        Jid plain = user.toNonAd();
        return plain.equals(jid) || plain.equals(phone);
    }
}
