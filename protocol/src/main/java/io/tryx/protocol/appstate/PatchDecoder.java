package io.tryx.protocol.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.ConstantTime;
import io.tryx.protocol.proto.Protobufs;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutation;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdRecord;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.proto.SyncActionProto.SyncActionData;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies and decrypts app-state snapshots and patches into typed mutations and the collection state
 * that follows. Every record's value MAC, its index MAC, the LTHash-based snapshot MAC and (for
 * patches) the patch MAC must verify; anything else is a {@link ProtocolException}
 * (AUTHENTICATION_FAILED for a MAC, MISSING_KEY when a sync key has not arrived yet), and the caller
 * keeps its previous state, so recovery (refetching a snapshot) is always possible.
 */
public final class PatchDecoder {

    private final AppStateKeyLookup keys;
    private final Map<String, AppStateKeys> expanded = new HashMap<>();

    public PatchDecoder(AppStateKeyLookup keys) {
        this.keys = keys;
    }

    /** Result of decoding: the state after it and the mutations in order. */
    public record Decoded(CollectionState state, List<AppStateMutation> mutations) {
        public Decoded {
            mutations = List.copyOf(mutations);
        }
    }

    /** Decodes a full snapshot of a collection, replacing any previous state. */
    public Decoded decodeSnapshot(String collection, SyncdSnapshot snapshot) {
        long version = snapshot.getVersion().getVersion();
        CollectionState.Builder builder = new CollectionState.Builder(CollectionState.initial(collection));
        List<AppStateMutation> mutations = new ArrayList<>(snapshot.getRecordsCount());
        for (SyncdRecord record : snapshot.getRecordsList()) {
            AppStateMutation m = decodeRecord(collection, MutationOperation.SET, record, version);
            builder.apply(MutationOperation.SET, m.indexMac(), m.valueMac());
            mutations.add(m);
        }
        CollectionState state = builder.build(version);
        byte[] expectedMac = AppStateMacs.snapshotMac(state.hash(), version, collection,
                keysFor(snapshot.getKeyId().getId().toByteArray()).snapshotMac());
        if (!ConstantTime.equals(expectedMac, snapshot.getMac().toByteArray())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, collection + " snapshot MAC mismatch at version " + version);
        }
        return new Decoded(state, mutations);
    }

    /**
     * Applies one patch to {@code state}. A patch without a version (as a client builds it before the
     * server numbers it) is taken as the next version.
     */
    public Decoded decodePatch(CollectionState state, SyncdPatch patch) {
        String collection = state.name();
        long version = patch.hasVersion() ? patch.getVersion().getVersion() : state.version() + 1;
        CollectionState.Builder builder = new CollectionState.Builder(state);
        List<AppStateMutation> mutations = new ArrayList<>(patch.getMutationsCount());
        List<byte[]> valueMacs = new ArrayList<>(patch.getMutationsCount());
        for (SyncdMutation mutation : patch.getMutationsList()) {
            MutationOperation operation = mutation.getOperation() == SyncdMutation.SyncdOperation.REMOVE
                    ? MutationOperation.REMOVE : MutationOperation.SET;
            AppStateMutation m = decodeRecord(collection, operation, mutation.getRecord(), version);
            builder.apply(operation, m.indexMac(), m.valueMac());
            mutations.add(m);
            valueMacs.add(m.valueMac());
        }
        AppStateKeys patchKeys = keysFor(patch.getKeyId().getId().toByteArray());
        LtHash hash = builder.hash();
        byte[] snapshotMac = AppStateMacs.snapshotMac(hash, version, collection, patchKeys.snapshotMac());
        if (!ConstantTime.equals(snapshotMac, patch.getSnapshotMac().toByteArray())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED,
                    collection + " LTHash does not match the patch's snapshot MAC at version " + version);
        }
        byte[] patchMac = AppStateMacs.patchMac(snapshotMac, valueMacs, version, collection, patchKeys.patchMac());
        if (!ConstantTime.equals(patchMac, patch.getPatchMac().toByteArray())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, collection + " patch MAC mismatch at version " + version);
        }
        return new Decoded(builder.build(version), mutations);
    }

    private AppStateMutation decodeRecord(String collection, MutationOperation operation, SyncdRecord record, long version) {
        byte[] keyId = record.getKeyId().getId().toByteArray();
        AppStateKeys recordKeys = keysFor(keyId);
        byte[] blob = record.getValue().getBlob().toByteArray();
        byte[] plain = MutationValueCipher.open(operation, blob, keyId, recordKeys);
        SyncActionData data = Protobufs.parse(SyncActionData.parser(), plain);
        byte[] indexMac = record.getIndex().getBlob().toByteArray();
        byte[] indexJson = data.getIndex().toByteArray();
        if (!ConstantTime.equals(AppStateMacs.indexMac(recordKeys.index(), indexJson), indexMac)) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, collection + " index MAC mismatch");
        }
        return new AppStateMutation(collection, operation, AppStateIndex.decode(indexJson), data.getValue(),
                data.getVersion(), indexMac, MutationValueCipher.valueMacOf(blob), version);
    }

    private AppStateKeys keysFor(byte[] keyId) {
        String id = Base64.getEncoder().encodeToString(keyId);
        AppStateKeys cached = expanded.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] keyData = keys.keyData(keyId).orElseThrow(() ->
                new ProtocolException(Reason.MISSING_KEY, "app-state sync key " + id + " is not available"));
        AppStateKeys k = AppStateKeys.expand(keyData);
        expanded.put(id, k);
        return k;
    }
}
