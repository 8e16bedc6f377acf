package io.tryx.protocol.store;

import io.tryx.protocol.jid.Jid;

import java.util.List;
import java.util.Objects;

/**
 * The devices of one user as last learned from usync or a device notification.
 *
 * @param user           the user JID without device
 * @param deviceIds      device ids (0 is the phone), ascending
 * @param keyIndex       the ADV key index timestamp the list was signed with; 0 when unknown
 * @param fetchedAtMillis when we learned it, to expire the cache
 */
public record DeviceList(Jid user, List<Integer> deviceIds, long keyIndex, long fetchedAtMillis) {

    public DeviceList {
        Objects.requireNonNull(user, "user");
        deviceIds = deviceIds.stream().sorted().distinct().toList();
    }
}
