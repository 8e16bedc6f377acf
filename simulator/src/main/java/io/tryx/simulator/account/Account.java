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
    private volatile String pushName;
    private final DeviceListener deviceListener;
    private final KeyPair accountKey;
    private final List<LinkedDevice> devices = new ArrayList<>();
    private volatile PhoneKeys phoneKeys = PhoneKeys.generate();
    private int nextDeviceId = 1;
    private int nextKeyIndex = 1;

    Account(String phone, String lidUser, String pushName, DeviceListener deviceListener) {
        this.deviceListener = Objects.requireNonNull(deviceListener, "deviceListener");
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

    /** Records a new push name (a client's {@code <presence name>}); blank names are ignored. */
    public void pushName(String name) {
        if (name != null && !name.isBlank()) {
            this.pushName = name;
        }
    }

    /** The mock phone's ADV account signature key. */
    public KeyPair accountKey() {
        return accountKey;
    }

    /** The mock phone's (device 0) Signal keys. */
    public PhoneKeys phoneKeys() {
        return phoneKeys;
    }

    /**
     * Replaces the mock phone's Signal keys with fresh ones (a reinstalled phone, a new identity); returns them.
     * Companions stay linked: the ADV account key is unchanged.
     */
    public PhoneKeys resetPhoneKeys() {
        PhoneKeys fresh = PhoneKeys.generate();
        this.phoneKeys = fresh;
        return fresh;
    }

    /** The next device id and key index to issue, reserved so two pairings never share them. */
    public synchronized DeviceSlot reserveSlot() {
        return new DeviceSlot(nextDeviceId++, nextKeyIndex++);
    }

    /** Records a linked device in a slot from {@link #reserveSlot()}; the registry's {@link DeviceListener}s hear of it. */
    public LinkedDevice link(DeviceSlot slot, byte[] noiseKey, byte[] identityKey, String platform) {
        LinkedDevice device = new LinkedDevice(this, slot.deviceId(), slot.keyIndex(), noiseKey, identityKey, platform);
        synchronized (this) {
            devices.add(device);
        }
        deviceListener.linked(device);
        return device;
    }

    /** Unlinks a device; true when it was linked. Its id and key index are never reused. */
    public boolean unlink(int deviceId) {
        Optional<LinkedDevice> removed;
        synchronized (this) {
            removed = device(deviceId);
            removed.ifPresent(devices::remove);
        }
        removed.ifPresent(deviceListener::unlinked);
        return removed.isPresent();
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
