package io.tryx.protocol.store;

import java.util.Objects;

/**
 * An app-state sync key shared by the phone ({@code appStateSyncKeyShare}).
 *
 * @param keyId       the key id patches refer to
 * @param keyData     the 32-byte key material the collection keys are expanded from
 * @param fingerprint the serialized {@code AppStateSyncKeyFingerprint}, empty when absent
 * @param timestamp   the key's timestamp (millis), to pick the newest key for outgoing patches
 */
public record AppStateSyncKey(byte[] keyId, byte[] keyData, byte[] fingerprint, long timestamp) {

    public AppStateSyncKey {
        keyId = Objects.requireNonNull(keyId, "keyId").clone();
        keyData = Objects.requireNonNull(keyData, "keyData").clone();
        fingerprint = fingerprint == null ? new byte[0] : fingerprint.clone();
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] keyData() {
        return keyData.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }
}
