package io.tryx.protocol.signal;

import io.tryx.protocol.crypto.KeyPair;

import java.util.Objects;

/** A one-time prekey: a 24-bit id and its key pair, consumed by the first session built on it. */
public record PreKeyRecord(int id, KeyPair keyPair) {

    public PreKeyRecord {
        KeyHelper.checkPreKeyId(id);
        Objects.requireNonNull(keyPair, "keyPair");
    }
}
