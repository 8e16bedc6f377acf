/**
 * The devices of other users as the runtime client follows them: device list notifications (linked and unlinked
 * companions) and identity changes, applied to the stored device lists and Signal sessions and reported as typed
 * {@link io.tryx.protocol.client.devices.DeviceEvent}s.
 */
package io.tryx.protocol.client.devices;
