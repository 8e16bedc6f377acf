package io.tryx.protocol.store;

import io.tryx.protocol.jid.Jid;

import java.util.Optional;

/** Cached device lists per user, so a send does not ask usync every time. */
public interface DeviceListStore {

    Optional<DeviceList> deviceList(Jid user);

    /** Replaces the user's list. */
    void storeDeviceList(DeviceList list);
}
