package io.tryx.simulator.appstate;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.appstate.PatchDecoder;
import io.tryx.protocol.appstate.PatchEncoder;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.media.MediaDecryptor;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;
import io.tryx.simulator.Harness;
import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.messaging.MessagingHarness;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Two accounts (A with the app state under test) on a harness with the app state service registered (page size
 * 2), the media blobs it writes snapshots to, and a client-side encoder/decoder holding A's sync key as a
 * companion would after the key share.
 */
final class AppStateFixture implements AutoCloseable {

    final MediaBlobs blobs = new MediaBlobs();
    private AppStateService service;
    final MessagingHarness h = new MessagingHarness(new Harness((harness, router) -> {
        service = new AppStateService(harness.messaging.delivery(), blobs, harness.clock, 2);
        service.register(router);
    }));
    final AppStateService appState = service;
    final PhoneAppState phone = appState.phone(h.a);
    final PatchEncoder encoder = new PatchEncoder(phone.keyId(), phone.keyData(), new SecureRandom());
    private int ids;

    /** A decoder that knows A's sync key. */
    PatchDecoder decoder() {
        byte[] keyId = phone.keyId();
        byte[] keyData = phone.keyData();
        return new PatchDecoder(id -> Arrays.equals(id, keyId) ? Optional.of(keyData) : Optional.empty());
    }

    /** A client-built patch (no version, as clients upload it) setting or removing {@code index} on {@code state}. */
    PatchEncoder.Encoded patch(CollectionState state, MutationOperation operation, List<String> index, boolean flag) {
        SyncActionValue value = SyncActionValue.newBuilder().setTimestamp(1000)
                .setArchiveChatAction(SyncActionValue.ArchiveChatAction.newBuilder().setArchived(flag)).build();
        PatchEncoder.Encoded encoded = encoder.encodePatch(state,
                List.of(new PatchEncoder.MutationRequest(operation, index, value, 3)));
        return new PatchEncoder.Encoded(encoded.patch().toBuilder().clearVersion().build(), encoded.state());
    }

    Node sync(Node... collections) {
        return h.iq("w:sync:app:state", "set", Node.builder("sync").children(collections).build());
    }

    static Node fetch(String name, long version) {
        return Node.builder("collection").attr("name", name).attr("version", version).attr("return_snapshot", "false").build();
    }

    static Node snapshot(String name) {
        return Node.builder("collection").attr("name", name).attr("return_snapshot", "true").build();
    }

    static Node upload(String name, long version, SyncdPatch patch) {
        return Node.builder("collection").attr("name", name).attr("version", version).attr("return_snapshot", "false")
                .children(Node.builder("patch").bytes(patch.toByteArray()).build()).build();
    }

    /** The {@code <collection>} answers inside the result's {@code <sync>}. */
    static List<Node> collections(Node result) {
        if (!result.attrs().string("type").equals("result")) {
            throw new AssertionError("not a result: " + result);
        }
        return result.child("sync").orElseThrow().children("collection");
    }

    static List<SyncdPatch> patches(Node collection) {
        return collection.child("patches").map(p -> p.children("patch")).orElse(List.of()).stream()
                .map(p -> parse(p.contentBytes().orElseThrow())).toList();
    }

    /** Downloads and decrypts a snapshot blob as a client would. */
    byte[] download(ExternalBlobReference reference) throws Exception {
        MediaBlobs.Blob blob = blobs.find(reference.getDirectPath()).orElseThrow();
        MediaDecryptor decryptor = MediaDecryptor.start(reference.getMediaKey().toByteArray(), MediaType.APP_STATE,
                reference.getFileSha256().toByteArray(), reference.getFileEncSha256().toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(blob.file())) {
            MediaDecryptor.decrypt(in, out, decryptor);
        }
        return out.toByteArray();
    }

    private static SyncdPatch parse(byte[] bytes) {
        try {
            return SyncdPatch.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        blobs.close();
    }
}
