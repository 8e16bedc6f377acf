package io.tryx.protocol.client.appstate;

import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;

import java.util.concurrent.CompletableFuture;

/**
 * Downloads an app-state blob stored on the media host (a snapshot, {@code md-app-state} media) and returns its
 * plaintext, its MAC and hashes verified.
 */
@FunctionalInterface
public interface AppStateBlobs {

    CompletableFuture<byte[]> download(ExternalBlobReference reference);
}
