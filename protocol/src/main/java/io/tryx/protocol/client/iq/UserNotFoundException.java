package io.tryx.protocol.client.iq;

import io.tryx.protocol.client.IqException;
import io.tryx.protocol.jid.Jid;

/** The server knows no WhatsApp account for a user an operation named (404); {@link #user()} is null when several were named. */
public final class UserNotFoundException extends IqException {

    private final Jid user;

    public UserNotFoundException(Jid user, IqException cause) {
        super(user == null ? "no WhatsApp account for one of the users" : "no WhatsApp account for " + user, cause);
        this.user = user;
    }

    /** The user named in the request. */
    public Jid user() {
        return user;
    }
}
