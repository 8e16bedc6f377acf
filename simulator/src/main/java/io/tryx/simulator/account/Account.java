package io.tryx.simulator.account;

import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated WhatsApp account and its mock primary phone: phone number, phone JID, LID, push name, the ADV
 * account key pair the phone signs device identities with, and the companion devices linked so far. Device
 * ids and key indexes grow from 1. Thread-safe.
 */
public final class Account {

    private final String phone;
    private final Jid jid;
    private final Jid lid;
    private final String pushName;
    private final KeyPair accountKey;
    private final List<LinkedDevice> devices = new ArrayList<>();
    private final PhoneKeys phoneKeys = PhoneKeys.generate();
    private int nextDeviceId = 1;
    private int nextKeyIndex = 1;

    Account(String phone, String lidUser, String pushName) {
        this.phone = Objects.requireNonNull(phone, "phone");
        this.jid = Jid.user(phone, JidServer.USER);
        this.lid = Jid.user(lidUser, JidServer.LID);
        this.pushName = pushName == null ? "" : pushName;
        this.accountKey = Curve25519.generateKeyPair();
    }

    public String phone() {
        return phone;
    }

    /** {@code phone@s.whatsapp.net}. */
    public Jid jid() {
        return jid;
    }

    /** {@code digits@lid}. */
    public Jid lid() {
        return lid;
    }

    public String pushName() {
        return pushName;
    }

    /** The mock phone's ADV account signature key. */
    public KeyPair accountKey() {
        return accountKey;
    }

    /** The mock phone's (device 0) Signal keys. */
    public PhoneKeys phoneKeys() {
        return phoneKeys;
    }

    /** The next device id and key index to issue, reserved so two pairings never share them. */
    public synchronized DeviceSlot reserveSlot() {
        return new DeviceSlot(nextDeviceId++, nextKeyIndex++);
    }

    /** Records a linked device in a slot from {@link #reserveSlot()}. */
    public synchronized LinkedDevice link(DeviceSlot slot, byte[] noiseKey, byte[] identityKey, String platform) {
        LinkedDevice device = new LinkedDevice(this, slot.deviceId(), slot.keyIndex(), noiseKey, identityKey, platform);
        devices.add(device);
        return device;
    }

    /** Unlinks a device; true when it was linked. Its id and key index are never reused. */
    public synchronized boolean unlink(int deviceId) {
        return devices.removeIf(d -> d.deviceId() == deviceId);
    }

    public synchronized Optional<LinkedDevice> device(int deviceId) {
        return devices.stream().filter(d -> d.deviceId() == deviceId).findFirst();
    }

    public synchronized List<LinkedDevice> devices() {
        return List.copyOf(devices);
    }

    /** A reserved device id and ADV key index. */
    public record DeviceSlot(int deviceId, int keyIndex) {
    }
}
