package io.tryx.protocol.client.newsletter;

import java.util.Locale;

/** What the viewing account is to a newsletter, as the server's {@code viewer_metadata.role} says. */
public enum NewsletterRole {
    OWNER, ADMIN, SUBSCRIBER, GUEST;

    /** The role named {@code value} (any case); {@link #GUEST} for an unknown or missing one. */
    static NewsletterRole of(String value) {
        if (value == null) {
            return GUEST;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return GUEST;
        }
    }
}
