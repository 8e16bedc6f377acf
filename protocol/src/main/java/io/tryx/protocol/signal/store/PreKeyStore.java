package io.tryx.protocol.signal.store;

import io.tryx.protocol.signal.PreKeyRecord;

import java.util.Optional;

/** Our one-time prekeys; one is removed when a session built on it is stored. */
public interface PreKeyStore {

    Optional<PreKeyRecord> preKey(int id);

    void storePreKey(PreKeyRecord record);

    void removePreKey(int id);
}
