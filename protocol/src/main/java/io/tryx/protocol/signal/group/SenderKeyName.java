package io.tryx.protocol.signal.group;

import io.tryx.protocol.signal.SignalAddress;

import java.util.Objects;

/** Whose sender key in which group: a group id and the sending device's address. */
public record SenderKeyName(String groupId, SignalAddress sender) {

    public SenderKeyName {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
    }

    /** {@code group::name::device}, the key Baileys stores sender keys under. */
    @Override
    public String toString() {
        return groupId + "::" + sender.name() + "::" + sender.deviceId();
    }
}
