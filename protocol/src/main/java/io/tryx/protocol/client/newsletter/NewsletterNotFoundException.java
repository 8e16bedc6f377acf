package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.client.IqException;

/** The server knows no newsletter by that JID or invite code (code 404). */
public final class NewsletterNotFoundException extends MexException {

    NewsletterNotFoundException(String key, IqException cause) {
        super("no newsletter " + key, cause);
    }
}
