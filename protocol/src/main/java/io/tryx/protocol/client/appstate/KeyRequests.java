package io.tryx.protocol.client.appstate;

import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutation;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdRecord;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.store.AppStateStore;
import com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Asks our own phone for app-state sync keys a snapshot or patch needs and we lack: an
 * {@code APP_STATE_SYNC_KEY_REQUEST} peer message listing their ids. Each key is asked for at most once a day (as
 * whatsmeow does), so a collection that stays blocked does not flood the phone. Thread-safe.
 */
final class KeyRequests {

    private static final Logger log = LoggerFactory.getLogger(KeyRequests.class);
    static final Duration INTERVAL = Duration.ofHours(24);

    private final AppStateStore store;
    private final Function<E2EProto.Message, CompletableFuture<?>> sendPeer;
    private final InstantSource clock;
    private final Map<String, Long> askedAt = new HashMap<>();

    KeyRequests(AppStateStore store, Function<E2EProto.Message, CompletableFuture<?>> sendPeer, InstantSource clock) {
        this.store = store;
        this.sendPeer = sendPeer;
        this.clock = clock;
    }

    /** The key ids {@code snapshot} (may be null) and {@code patches} use that the store does not hold. */
    List<byte[]> missing(SyncdSnapshot snapshot, List<SyncdPatch> patches) {
        Map<String, byte[]> ids = new LinkedHashMap<>();
        if (snapshot != null) {
            add(ids, snapshot.getKeyId().getId());
            snapshot.getRecordsList().forEach(r -> add(ids, r.getKeyId().getId()));
        }
        for (SyncdPatch patch : patches) {
            add(ids, patch.getKeyId().getId());
            patch.getMutationsList().stream().map(SyncdMutation::getRecord).map(SyncdRecord::getKeyId)
                    .forEach(k -> add(ids, k.getId()));
        }
        return ids.values().stream().filter(id -> store.appStateSyncKey(id).isEmpty()).toList();
    }

    /** Requests the keys not asked for within the last day; completes when sent (or at once if none is due). */
    CompletableFuture<?> request(List<byte[]> keyIds) {
        List<byte[]> due = new ArrayList<>();
        long now = clock.millis();
        synchronized (askedAt) {
            for (byte[] id : keyIds) {
                String hex = HexFormat.of().formatHex(id);
                Long last = askedAt.get(hex);
                if (last == null || now - last >= INTERVAL.toMillis()) {
                    askedAt.put(hex, now);
                    due.add(id);
                }
            }
        }
        if (due.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        var request = E2EProto.Message.AppStateSyncKeyRequest.newBuilder();
        due.forEach(id -> request.addKeyIds(E2EProto.Message.AppStateSyncKeyId.newBuilder().setKeyId(ByteString.copyFrom(id))));
        E2EProto.Message message = E2EProto.Message.newBuilder().setProtocolMessage(E2EProto.Message.ProtocolMessage.newBuilder()
                .setType(E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_REQUEST)
                .setAppStateSyncKeyRequest(request)).build();
        log.info("requesting {} app-state sync key(s) from our phone", due.size());
        return sendPeer.apply(message).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("app-state key request not sent: {}", error.toString());
                synchronized (askedAt) {
                    due.forEach(id -> askedAt.remove(HexFormat.of().formatHex(id)));
                }
            }
        });
    }

    private static void add(Map<String, byte[]> ids, ByteString id) {
        if (!id.isEmpty()) {
            ids.putIfAbsent(HexFormat.of().formatHex(id.toByteArray()), id.toByteArray());
        }
    }
}
