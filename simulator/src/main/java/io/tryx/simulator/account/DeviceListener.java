package io.tryx.simulator.account;

/**
 * Hears of companion devices linked to or unlinked from an account (after the change), so services such as
 * device list notifications can react. Called on the thread that made the change; must not block.
 */
public interface DeviceListener {

    /** {@code device} was just linked. */
    void linked(LinkedDevice device);

    /** {@code device} was just unlinked. */
    void unlinked(LinkedDevice device);
}
