package io.tryx.simulator.account;

import io.tryx.protocol.jid.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A companion device linked to an {@link Account}: its device id and ADV key index, the Noise static key it
 * authenticates with, its identity key and, once uploaded, its Signal keys. Thread-safe.
 */
public final class LinkedDevice {

    private final Account account;
    private final int deviceId;
    private final int keyIndex;
    private final byte[] noiseKey;
    private final byte[] identityKey;
    private final String platform;
    private PreKeyUpload keys;
    private final List<PreKeyUpload.PreKey> extraPreKeys = new ArrayList<>();

    LinkedDevice(Account account, int deviceId, int keyIndex, byte[] noiseKey, byte[] identityKey, String platform) {
        this.account = Objects.requireNonNull(account, "account");
        this.deviceId = deviceId;
        this.keyIndex = keyIndex;
        this.noiseKey = noiseKey.clone();
        this.identityKey = identityKey.clone();
        this.platform = platform;
    }

    public Account account() {
        return account;
    }

    public int deviceId() {
        return deviceId;
    }

    public int keyIndex() {
        return keyIndex;
    }

    public String platform() {
        return platform;
    }

    /** {@code phone:N@s.whatsapp.net}. */
    public Jid jid() {
        return account.jid().withDevice(deviceId);
    }

    /** {@code lid:N@lid}. */
    public Jid lid() {
        return account.lid().withDevice(deviceId);
    }

    public byte[] noiseKey() {
        return noiseKey.clone();
    }

    public byte[] identityKey() {
        return identityKey.clone();
    }

    /** Stores an upload: the first one sets registration, identity and signed prekey; later ones add prekeys. */
    public synchronized void upload(PreKeyUpload upload) {
        if (keys == null) {
            keys = upload;
        } else {
            List<PreKeyUpload.PreKey> merged = new ArrayList<>(keys.preKeys());
            merged.addAll(upload.preKeys());
            keys = new PreKeyUpload(upload.registrationId(), upload.identity(), upload.signedPreKey(), merged);
        }
        extraPreKeys.clear();
    }

    /** Replaces the signed prekey handed out in bundles (a rotation); the one-time prekeys stay. */
    public synchronized void rotateSignedPreKey(PreKeyUpload.SignedPreKey signed) {
        if (keys == null) {
            throw new IllegalStateException("no keys uploaded");
        }
        keys = new PreKeyUpload(keys.registrationId(), keys.identity(), signed, keys.preKeys());
    }

    /** The uploaded keys, or null before the first upload. */
    public synchronized PreKeyUpload keys() {
        return keys;
    }

    /** Hands out one one-time prekey and deletes it (the server gives each prekey once); empty when exhausted. */
    public synchronized java.util.Optional<PreKeyUpload.PreKey> takePreKey() {
        if (keys == null || keys.preKeys().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<PreKeyUpload.PreKey> rest = new ArrayList<>(keys.preKeys());
        PreKeyUpload.PreKey taken = rest.removeFirst();
        keys = new PreKeyUpload(keys.registrationId(), keys.identity(), keys.signedPreKey(), rest);
        return java.util.Optional.of(taken);
    }

    /** How many one-time prekeys the server holds for this device. */
    public synchronized int preKeyCount() {
        return keys == null ? 0 : keys.preKeys().size();
    }

    @Override
    public String toString() {
        return "LinkedDevice[" + jid() + ", keyIndex=" + keyIndex + "]";
    }
}
