package io.tryx.protocol.client.profile;

import io.tryx.protocol.client.IqException;

/** The server refused a profile picture: not a JPEG it could read, or too large (400). */
public final class PictureRejectedException extends IqException {

    public PictureRejectedException(IqException cause) {
        super("profile picture refused", cause);
    }
}
