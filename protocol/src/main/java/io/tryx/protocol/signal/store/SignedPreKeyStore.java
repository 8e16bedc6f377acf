package io.tryx.protocol.signal.store;

import io.tryx.protocol.signal.SignedPreKeyRecord;

import java.util.Optional;

/** Our signed prekeys (the current one and, after rotation, the few still referenced by peers). */
public interface SignedPreKeyStore {

    Optional<SignedPreKeyRecord> signedPreKey(int id);

    void storeSignedPreKey(SignedPreKeyRecord record);

    /** Forgets a signed prekey no peer should still use (one replaced by rotation long enough ago). */
    void removeSignedPreKey(int id);
}
