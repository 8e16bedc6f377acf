package io.tryx.simulator.devices;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.ParticipantHash;

import java.util.List;

/**
 * The device list hash clients compare against their cached list ({@code device_hash}): the
 * {@link ParticipantHash} of the account's device JIDs.
 */
public final class DeviceListHash {

    private DeviceListHash() {
    }

    public static String of(List<Jid> devices) {
        return ParticipantHash.of(devices);
    }
}
