package io.tryx.protocol.client.devices;

/**
 * Receives {@link DeviceEvent}s, on a worker thread, in the order the server sent the notifications. The
 * notification is acknowledged once every listener returned; if one throws, it is not, and the server sends it
 * again.
 */
@FunctionalInterface
public interface DeviceListener {

    void onDeviceEvent(DeviceEvent event);
}
