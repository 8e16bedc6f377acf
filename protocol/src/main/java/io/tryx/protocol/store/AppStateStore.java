package io.tryx.protocol.store;

import io.tryx.protocol.appstate.AppStateKeyLookup;
import io.tryx.protocol.appstate.CollectionState;

import java.util.Optional;

/** App-state sync keys and the verified state (version, LTHash, value MACs) of each collection. */
public interface AppStateStore extends AppStateKeyLookup {

    Optional<AppStateSyncKey> appStateSyncKey(byte[] keyId);

    /** The key with the highest timestamp, used to encrypt outgoing mutations. */
    Optional<AppStateSyncKey> latestAppStateSyncKey();

    void storeAppStateSyncKey(AppStateSyncKey key);

    /** The collection's state; {@link CollectionState#initial(String)} when never synced. */
    CollectionState collection(String name);

    void storeCollection(CollectionState state);

    @Override
    default Optional<byte[]> keyData(byte[] keyId) {
        return appStateSyncKey(keyId).map(AppStateSyncKey::keyData);
    }
}
