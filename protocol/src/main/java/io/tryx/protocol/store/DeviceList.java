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

    /** The fetch time of a list known to be stale: older than any cache lifetime, so it is asked again. */
    public static final long STALE = 0;

    public DeviceList {
        Objects.requireNonNull(user, "user");
        deviceIds = deviceIds.stream().sorted().distinct().toList();
    }

    /** The same list marked stale (kept, but asked again before the next use). */
    public DeviceList stale() {
        return new DeviceList(user, deviceIds, keyIndex, STALE);
    }

    /** True when the list was marked {@link #stale()}. */
    public boolean isStale() {
        return fetchedAtMillis == STALE;
    }
}
