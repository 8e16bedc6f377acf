package io.tryx.simulator.appstate;

import com.google.protobuf.ByteString;
import io.tryx.protocol.proto.ServerSyncProto.KeyId;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutation;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdRecord;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.proto.ServerSyncProto.SyncdVersion;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server holds of one account's app-state collection: the patches in version order (patch {@code n}
 * has version {@code n}) and, folded from them, the records currently set, keyed by index MAC. The server
 * cannot decrypt anything; it builds a snapshot from those records and vouches for it with the snapshot MAC
 * and key id of the latest patch (which the uploading device computed over exactly that content). Not
 * thread-safe: {@link AppStateStore} guards it.
 */
final class CollectionLog {

    private final String name;
    private final List<SyncdPatch> patches = new ArrayList<>();
    private final Map<String, SyncdRecord> records = new LinkedHashMap<>();

    CollectionLog(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    long version() {
        return patches.size();
    }

    /** Stores {@code patch} as the next version (numbered by the server) and returns it as stored. */
    SyncdPatch append(SyncdPatch patch) {
        SyncdPatch stored = patch.toBuilder().setVersion(SyncdVersion.newBuilder().setVersion(version() + 1)).build();
        for (SyncdMutation mutation : stored.getMutationsList()) {
            String index = Base64.getEncoder().encodeToString(mutation.getRecord().getIndex().getBlob().toByteArray());
            if (mutation.getOperation() == SyncdMutation.SyncdOperation.REMOVE) {
                records.remove(index);
            } else {
                records.remove(index);
                records.put(index, mutation.getRecord());
            }
        }
        patches.add(stored);
        return stored;
    }

    /** Up to {@code limit} patches with versions above {@code version}. */
    List<SyncdPatch> after(long version, int limit) {
        int from = (int) Math.max(0, Math.min(version, patches.size()));
        return List.copyOf(patches.subList(from, Math.min(patches.size(), from + limit)));
    }

    /** The collection as one snapshot at the current version; empty while nothing was ever stored. */
    Optional<SyncdSnapshot> snapshot() {
        if (patches.isEmpty()) {
            return Optional.empty();
        }
        SyncdPatch latest = patches.getLast();
        KeyId keyId = latest.hasKeyId() ? latest.getKeyId() : KeyId.newBuilder().setId(ByteString.EMPTY).build();
        return Optional.of(SyncdSnapshot.newBuilder()
                .setVersion(SyncdVersion.newBuilder().setVersion(version()))
                .addAllRecords(records.values())
                .setMac(latest.getSnapshotMac())
                .setKeyId(keyId)
                .build());
    }
}
