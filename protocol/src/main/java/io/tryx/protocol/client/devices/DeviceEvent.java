package io.tryx.protocol.client.devices;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the server told about the devices of a user (a peer or our own account), once the client adjusted its
 * device lists and sessions to it. Delivered to {@link DeviceListener}s.
 */
public sealed interface DeviceEvent {

    /** The user (phone-number JID without device, or the LID when the server named only that). */
    Jid user();

    /** How a device list changed. */
    enum Change {
        /** Devices were linked. */
        ADD,
        /** Devices were unlinked. */
        REMOVE,
        /** The list changed in a way the server does not spell out; it is asked again before the next send. */
        UPDATE
    }

    /**
     * A {@code devices} notification: {@code devices} were added or removed ({@link Change#UPDATE}: possibly none
     * named).
     *
     * @param user    the user
     * @param lid     the user's LID when the server told it, else null
     * @param change  add, remove or update
     * @param devices the device JIDs named, in the user's phone-number domain
     * @param at      the server's time of the change
     */
    record DeviceListChanged(Jid user, Jid lid, Change change, List<Jid> devices, Instant at) implements DeviceEvent {
        public DeviceListChanged {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(change, "change");
            devices = List.copyOf(devices);
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The user's identity key changed (the phone was reinstalled): our sessions with the user's devices were dropped,
     * so the next message builds new ones from fresh prekey bundles.
     *
     * @param user the user
     * @param lid  the user's LID when known, else null
     * @param at   the server's time of the change
     */
    record IdentityChanged(Jid user, Jid lid, Instant at) implements DeviceEvent {
        public IdentityChanged {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(at, "at");
        }
    }
}
