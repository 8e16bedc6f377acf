package io.tryx.simulator.account;

import java.util.List;
import java.util.Objects;

/**
 * The Signal keys a device uploaded with {@code iq xmlns=encrypt type=set}: registration id, identity key,
 * signed prekey and one-time prekeys. Byte arrays are kept as given (the record is only read by the simulator).
 */
public record PreKeyUpload(int registrationId, byte[] identity, SignedPreKey signedPreKey, List<PreKey> preKeys) {

    public PreKeyUpload {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
        preKeys = List.copyOf(preKeys);
    }

    /** One one-time prekey: a 24-bit id and a 32-byte public key. */
    public record PreKey(int id, byte[] publicKey) {
    }

    /** The signed prekey: id, public key and the identity key's signature over it. */
    public record SignedPreKey(int id, byte[] publicKey, byte[] signature) {
    }
}
