package io.tryx.protocol.client.appstate;

import io.tryx.protocol.appstate.AppStateMutation;
import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.PatchDecoder;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one batch of a collection (a snapshot and/or patches from one answer): every MAC and the LTHash verify
 * through {@link PatchDecoder}, then the resulting state (version, LTHash, value MACs) is stored in one unit of work,
 * and only then each mutation is reported. A batch that does not verify throws
 * {@link io.tryx.protocol.ProtocolException} and changes nothing. Patches at or below the stored version are skipped.
 */
final class StateApplier {

    private final AccountStore store;
    private final ChatSyncListeners listeners;

    StateApplier(AccountStore store, ChatSyncListeners listeners) {
        this.store = store;
        this.listeners = listeners;
    }

    /** Applies {@code snapshot} (null: none, start from the stored state) then {@code patches}; returns the new state. */
    CollectionState apply(String collection, SyncdSnapshot snapshot, List<SyncdPatch> patches, boolean fullSync) {
        PatchDecoder decoder = new PatchDecoder(store);
        List<AppStateMutation> mutations = new ArrayList<>();
        CollectionState state;
        if (snapshot != null) {
            PatchDecoder.Decoded decoded = decoder.decodeSnapshot(collection, snapshot);
            state = decoded.state();
            mutations.addAll(decoded.mutations());
        } else {
            state = store.collection(collection);
        }
        for (SyncdPatch patch : patches) {
            if (patch.hasVersion() && patch.getVersion().getVersion() <= state.version()) {
                continue;
            }
            PatchDecoder.Decoded decoded = decoder.decodePatch(state, patch);
            state = decoded.state();
            mutations.addAll(decoded.mutations());
        }
        UnitOfWork work = store.begin();
        work.storeCollection(state);
        work.commit();
        for (AppStateMutation mutation : mutations) {
            listeners.emit(SyncActionEvents.of(mutation, fullSync));
        }
        return state;
    }
}
