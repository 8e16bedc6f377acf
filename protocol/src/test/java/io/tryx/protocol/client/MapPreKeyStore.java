package io.tryx.protocol.client;

import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.store.PreKeyStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A prekey store in a map, for tests. */
public final class MapPreKeyStore implements PreKeyStore {

    final Map<Integer, PreKeyRecord> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<PreKeyRecord> preKey(int id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        keys.put(record.id(), record);
    }

    @Override
    public void removePreKey(int id) {
        keys.remove(id);
    }
}
