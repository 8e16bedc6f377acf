package io.tryx.simulator.appstate;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutation;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <iq xmlns="w:sync:app:state" type="set"><sync><collection name version? return_snapshot?>
 * <patch>?</collection>...</sync></iq>} of a logged-in companion, each collection answered on its own inside
 * {@code <sync>} of a result IQ:
 * <ul>
 *   <li>with a {@code <patch>} (a {@code SyncdPatch} the device built on top of {@code version}): stored as
 *       {@code version + 1} -> {@code <collection name version="new"/>} and the account's other companions get a
 *       {@code server_sync} notification; a stale {@code version} -> {@code <collection name type="error">
 *       <error code="409" text="conflict"/><patches>the ones it lacks</patches></collection>};</li>
 *   <li>{@code return_snapshot="true"} -> {@code <collection name version><snapshot>ExternalBlobReference
 *       </snapshot></collection>} (the snapshot encrypted on the media host; nothing for a collection never
 *       written);</li>
 *   <li>otherwise the patches after {@code version}, at most a page: {@code <collection name version="last
 *       included" has_more_patches><patches><patch>SyncdPatch</patch>...</patches></collection>}.</li>
 * </ul>
 * Per-collection errors ({@code type="error"} with {@code <error code text/>}): unknown collection 404, a
 * missing or bad version, a version ahead of the server, or a malformed patch 400. No {@code <sync>} or no
 * collection answers the IQ with 400; not logged in 401.
 */
final class SyncIqHandler implements IqHandler {

    private final AppStateStore store;
    private final SnapshotBlobs snapshots;
    private final ServerSyncNotifier notifier;
    private final int pageSize;

    SyncIqHandler(AppStateStore store, SnapshotBlobs snapshots, ServerSyncNotifier notifier, int pageSize) {
        this.store = store;
        this.snapshots = snapshots;
        this.notifier = notifier;
        this.pageSize = pageSize;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        LinkedDevice device = connection.device();
        if (device == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        if (!iq.attrs().string("type").equals("set")) {
            throw new IqException(IqError.BAD_REQUEST, "app state sync is type=set");
        }
        Node sync = iq.child("sync").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <sync>"));
        List<Node> collections = sync.children("collection");
        if (collections.isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "no <collection> in <sync>");
        }
        List<Node> answers = new ArrayList<>();
        List<AppStateStore.Stored> stored = new ArrayList<>();
        List<String> storedNames = new ArrayList<>();
        for (Node collection : collections) {
            String name = collection.attrs().optionalString("name")
                    .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "collection without name"));
            try {
                answers.add(answer(device, name, collection, stored, storedNames));
            } catch (CollectionError e) {
                answers.add(error(name, e.error).build());
            }
        }
        for (int i = 0; i < stored.size(); i++) {
            notifier.notify(device.account(), device.deviceId(), storedNames.get(i), stored.get(i).version());
        }
        return Optional.of(List.of(Node.builder("sync").children(answers).build()));
    }

    private Node answer(LinkedDevice device, String name, Node collection, List<AppStateStore.Stored> stored,
                        List<String> storedNames) {
        if (!AppStateStore.isCollection(name)) {
            throw new CollectionError(IqError.ITEM_NOT_FOUND);
        }
        String phone = device.account().phone();
        Optional<Node> patch = collection.child("patch");
        if (patch.isPresent()) {
            long base = version(collection).orElseThrow(() -> new CollectionError(IqError.BAD_REQUEST));
            AppStateStore.Upload upload = store.upload(phone, name, base, parse(patch.get()));
            return switch (upload) {
                case AppStateStore.Stored ok -> {
                    stored.add(ok);
                    storedNames.add(name);
                    yield Node.builder("collection").attr("name", name).attr("version", ok.version()).build();
                }
                case AppStateStore.Conflict conflict -> {
                    if (base > conflict.serverVersion()) {
                        throw new CollectionError(IqError.BAD_REQUEST);
                    }
                    AppStateStore.Page missing = store.after(phone, name, base, pageSize);
                    yield error(name, IqError.CONFLICT).attr("version", conflict.serverVersion())
                            .attr("has_more_patches", Boolean.toString(missing.hasMore()))
                            .children(errorNode(IqError.CONFLICT), patches(missing)).build();
                }
            };
        }
        if (collection.attrs().optionalString("return_snapshot").filter("true"::equals).isPresent()) {
            return store.snapshot(phone, name)
                    .map(s -> Node.builder("collection").attr("name", name).attr("version", s.getVersion().getVersion())
                            .children(Node.builder("snapshot").bytes(snapshots.reference(phone, name, s).toByteArray()).build())
                            .build())
                    .orElseGet(() -> Node.builder("collection").attr("name", name).attr("version", 0).build());
        }
        long from = version(collection).orElse(0L);
        if (from > store.version(phone, name)) {
            throw new CollectionError(IqError.BAD_REQUEST);
        }
        AppStateStore.Page page = store.after(phone, name, from, pageSize);
        Node.Builder answer = Node.builder("collection").attr("name", name).attr("version", page.version())
                .attr("has_more_patches", Boolean.toString(page.hasMore()));
        if (!page.patches().isEmpty()) {
            answer.children(patches(page));
        }
        return answer.build();
    }

    private static Node patches(AppStateStore.Page page) {
        return Node.builder("patches").children(page.patches().stream()
                .map(p -> Node.builder("patch").bytes(p.toByteArray()).build()).toList()).build();
    }

    private static Optional<Long> version(Node collection) {
        Optional<String> text = collection.attrs().optionalString("version");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long version = Long.parseLong(text.get());
            if (version < 0) {
                throw new CollectionError(IqError.BAD_REQUEST);
            }
            return Optional.of(version);
        } catch (NumberFormatException e) {
            throw new CollectionError(IqError.BAD_REQUEST);
        }
    }

    /** A patch as clients upload it: mutations with index and value blobs, key ids, snapshot and patch MACs. */
    private static SyncdPatch parse(Node patchNode) {
        byte[] bytes = patchNode.contentBytes().orElseThrow(() -> new CollectionError(IqError.BAD_REQUEST));
        SyncdPatch patch;
        try {
            patch = SyncdPatch.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new CollectionError(IqError.BAD_REQUEST);
        }
        boolean wellFormed = patch.getMutationsCount() > 0
                && patch.getSnapshotMac().size() == 32 && patch.getPatchMac().size() == 32
                && !patch.getKeyId().getId().isEmpty();
        for (SyncdMutation mutation : patch.getMutationsList()) {
            wellFormed &= mutation.hasRecord()
                    && mutation.getRecord().getIndex().getBlob().size() == 32
                    && mutation.getRecord().getValue().getBlob().size() >= 64
                    && !mutation.getRecord().getKeyId().getId().isEmpty();
        }
        if (!wellFormed) {
            throw new CollectionError(IqError.BAD_REQUEST);
        }
        return patch;
    }

    private static Node.Builder error(String name, IqError error) {
        return Node.builder("collection").attr("name", name).attr("type", "error").children(errorNode(error));
    }

    private static Node errorNode(IqError error) {
        return Node.builder("error").attr("code", Integer.toString(error.code())).attr("text", error.text()).build();
    }

    /** Ends one collection's answer with an error; the other collections are still answered. */
    private static final class CollectionError extends RuntimeException {
        private final IqError error;

        CollectionError(IqError error) {
            super(error.text(), null, false, false);
            this.error = error;
        }
    }
}
