package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Objects;

/**
 * A newsletter as the server describes it.
 *
 * @param jid          its address ({@code digits@newsletter})
 * @param name         its name
 * @param description  its description (empty when none)
 * @param inviteCode   the code of its link ({@code https://whatsapp.com/channel/<code>})
 * @param created      when it was created
 * @param subscribers  how many follow it
 * @param verified     true when WhatsApp verified it
 * @param state        its state ({@code ACTIVE}, {@code SUSPENDED}, ...)
 * @param viewer       what we are to it; null when the server did not say (metadata by invite code)
 */
public record NewsletterMetadata(Jid jid, String name, String description, String inviteCode, Instant created,
                                 long subscribers, boolean verified, String state, Viewer viewer) {

    public NewsletterMetadata {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** Our relation to the newsletter: whether we muted it and our role. */
    public record Viewer(boolean muted, NewsletterRole role) {
    }

    /** True when we follow it (as subscriber, admin or owner). */
    public boolean following() {
        return viewer != null && viewer.role() != NewsletterRole.GUEST;
    }
}
