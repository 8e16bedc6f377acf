package io.tryx.protocol.appstate;

import com.google.protobuf.ByteString;
import io.tryx.protocol.proto.ServerSyncProto.KeyId;
import io.tryx.protocol.proto.ServerSyncProto.SyncdIndex;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutation;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdRecord;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.proto.ServerSyncProto.SyncdValue;
import io.tryx.protocol.proto.ServerSyncProto.SyncdVersion;
import io.tryx.protocol.proto.SyncActionProto.SyncActionData;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds outgoing app-state patches (a device archiving, pinning, muting ...) and, for the simulator,
 * snapshots: each mutation's SyncActionData is sealed with the current sync key, the LTHash advanced,
 * and the snapshot and patch MACs computed, so that every other device verifies it like a patch from
 * the phone. IVs come from the caller's random source.
 */
public final class PatchEncoder {

    private final byte[] keyId;
    private final AppStateKeys keys;
    private final RandomGenerator random;

    public PatchEncoder(byte[] keyId, byte[] keyData, RandomGenerator random) {
        this.keyId = keyId.clone();
        this.keys = AppStateKeys.expand(keyData);
        this.random = random;
    }

    /** One change to make: operation, index (e.g. {@code ["archive", jid]}), value and action version. */
    public record MutationRequest(MutationOperation operation, List<String> index, SyncActionValue value, int actionVersion) {
        public MutationRequest {
            index = List.copyOf(index);
        }
    }

    /** The patch and the state it leads to once the server accepts it. */
    public record Encoded(SyncdPatch patch, CollectionState state) {
    }

    /** A patch at version {@code state.version() + 1} applying {@code requests} in order. */
    public Encoded encodePatch(CollectionState state, List<MutationRequest> requests) {
        long version = state.version() + 1;
        CollectionState.Builder builder = new CollectionState.Builder(state);
        SyncdPatch.Builder patch = SyncdPatch.newBuilder();
        List<byte[]> valueMacs = new ArrayList<>();
        for (MutationRequest request : requests) {
            SyncdRecord record = seal(request);
            byte[] indexMac = record.getIndex().getBlob().toByteArray();
            byte[] valueMac = MutationValueCipher.valueMacOf(record.getValue().getBlob().toByteArray());
            builder.apply(request.operation(), indexMac, valueMac);
            valueMacs.add(valueMac);
            patch.addMutations(SyncdMutation.newBuilder()
                    .setOperation(request.operation() == MutationOperation.SET
                            ? SyncdMutation.SyncdOperation.SET : SyncdMutation.SyncdOperation.REMOVE)
                    .setRecord(record));
        }
        LtHash hash = builder.hash();
        byte[] snapshotMac = AppStateMacs.snapshotMac(hash, version, state.name(), keys.snapshotMac());
        byte[] patchMac = AppStateMacs.patchMac(snapshotMac, valueMacs, version, state.name(), keys.patchMac());
        patch.setVersion(SyncdVersion.newBuilder().setVersion(version))
                .setSnapshotMac(ByteString.copyFrom(snapshotMac))
                .setPatchMac(ByteString.copyFrom(patchMac))
                .setKeyId(KeyId.newBuilder().setId(ByteString.copyFrom(keyId)));
        return new Encoded(patch.build(), builder.build(version));
    }

    /** A snapshot holding exactly {@code values} (all SET) at {@code version}. */
    public SyncdSnapshot encodeSnapshot(String collection, long version, List<MutationRequest> values) {
        CollectionState.Builder builder = new CollectionState.Builder(CollectionState.initial(collection));
        SyncdSnapshot.Builder snapshot = SyncdSnapshot.newBuilder();
        for (MutationRequest value : values) {
            SyncdRecord record = seal(value);
            builder.apply(MutationOperation.SET, record.getIndex().getBlob().toByteArray(),
                    MutationValueCipher.valueMacOf(record.getValue().getBlob().toByteArray()));
            snapshot.addRecords(record);
        }
        byte[] mac = AppStateMacs.snapshotMac(builder.hash(), version, collection, keys.snapshotMac());
        return snapshot.setVersion(SyncdVersion.newBuilder().setVersion(version))
                .setMac(ByteString.copyFrom(mac))
                .setKeyId(KeyId.newBuilder().setId(ByteString.copyFrom(keyId)))
                .build();
    }

    private SyncdRecord seal(MutationRequest request) {
        byte[] indexJson = AppStateIndex.encode(request.index());
        SyncActionData data = SyncActionData.newBuilder()
                .setIndex(ByteString.copyFrom(indexJson))
                .setValue(request.value())
                .setPadding(ByteString.EMPTY)
                .setVersion(request.actionVersion())
                .build();
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        byte[] blob = MutationValueCipher.seal(request.operation(), data.toByteArray(), keyId, keys, iv);
        return SyncdRecord.newBuilder()
                .setIndex(SyncdIndex.newBuilder().setBlob(ByteString.copyFrom(AppStateMacs.indexMac(keys.index(), indexJson))))
                .setValue(SyncdValue.newBuilder().setBlob(ByteString.copyFrom(blob)))
                .setKeyId(KeyId.newBuilder().setId(ByteString.copyFrom(keyId)))
                .build();
    }
}
