package io.tryx.protocol.client.contacts;

import io.tryx.protocol.client.IqException;
import io.tryx.protocol.jid.Jid;

/** The user's privacy setting (or a block either way) hides the profile picture from this account (401). */
public final class ProfilePictureHiddenException extends IqException {

    public ProfilePictureHiddenException(Jid user, IqException cause) {
        super("the profile picture of " + user + " is hidden", cause);
    }
}
