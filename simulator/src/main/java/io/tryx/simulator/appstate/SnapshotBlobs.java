package io.tryx.simulator.appstate;

import com.google.protobuf.ByteString;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.simulator.media.MediaBlobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts app-state snapshots on the media host as the real server does: the {@code SyncdSnapshot} encrypted with
 * a fresh media key of type {@link MediaType#APP_STATE}, referenced by an {@code ExternalBlobReference} (media
 * key, direct path, sizes, hashes) that goes into the {@code <snapshot>} node. One blob per account, collection
 * and version is reused while the collection does not change. Thread-safe.
 */
final class SnapshotBlobs {

    private final MediaBlobs blobs;
    private final Map<String, ExternalBlobReference> uploaded = new ConcurrentHashMap<>();

    SnapshotBlobs(MediaBlobs blobs) {
        this.blobs = blobs;
    }

    ExternalBlobReference reference(String phone, String collection, SyncdSnapshot snapshot) {
        String key = phone + '/' + collection + '/' + snapshot.getVersion().getVersion();
        return uploaded.computeIfAbsent(key, k -> upload(snapshot));
    }

    private ExternalBlobReference upload(SyncdSnapshot snapshot) {
        MediaBlobs.Encrypted stored = blobs.storeEncrypted(snapshot.toByteArray(), MediaType.APP_STATE);
        return ExternalBlobReference.newBuilder()
                .setMediaKey(ByteString.copyFrom(stored.media().mediaKey()))
                .setDirectPath(stored.blob().directPath())
                .setFileSizeBytes(stored.media().fileLength())
                .setFileSha256(ByteString.copyFrom(stored.media().fileSha256()))
                .setFileEncSha256(ByteString.copyFrom(stored.media().fileEncSha256()))
                .build();
    }
}
