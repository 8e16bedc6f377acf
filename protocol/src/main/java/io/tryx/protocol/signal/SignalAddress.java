package io.tryx.protocol.signal;

import java.util.Objects;

/**
 * Where a Signal session lives: a user name (WhatsApp: the user part of a JID) and a device id.
 * Rendered as {@code name.device}, the form libsignal uses as a storage key.
 */
public record SignalAddress(String name, int deviceId) {

    public SignalAddress {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('.') >= 0) {
            throw new IllegalArgumentException("address name must be non-empty and free of '.': " + name);
        }
        if (deviceId < 0) {
            throw new IllegalArgumentException("device id must not be negative: " + deviceId);
        }
    }

    @Override
    public String toString() {
        return name + "." + deviceId;
    }
}
