package io.tryx.protocol.client.contacts;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.List;

/**
 * What another user shows this account.
 *
 * @param jid         the user as asked
 * @param lid         the user's LID (null when asked by LID or unknown)
 * @param about       the "about" status text; null when never set or hidden
 * @param aboutSetAt  when the text was set; null when never set or hidden
 * @param aboutHidden true when the user's privacy (or a block) hides the text from us
 * @param pictureId   the current profile picture's id; null when there is none or it is hidden
 * @param devices     the user's devices (device 0 is the phone), empty for users without account
 */
public record UserInfo(Jid jid, Jid lid, String about, Instant aboutSetAt, boolean aboutHidden, String pictureId,
                       List<Jid> devices) {

    public UserInfo {
        devices = List.copyOf(devices);
    }
}
