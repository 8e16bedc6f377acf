package io.tryx.protocol.client.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.proto.Protobufs;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.store.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Brings collections in step with the server. One {@code w:sync:app:state} IQ per round asks, per collection,
 * for a snapshot (never synced, or recovering) or the patches after the stored version; each answer is applied as
 * one batch ({@link StateApplier}: verified, stored, reported) and collections with more patches go to the next
 * round. Recovery: when a batch does not verify, the collection is fetched again from a snapshot (as WhatsApp Web
 * and whatsmeow do); if that fails too, or the server refuses, or the snapshot cannot be downloaded, a
 * {@link ChatSyncEvent.SyncFailed} is reported and the stored state stays as it was. A batch that needs a key we
 * lack asks our phone for it ({@link KeyRequests}) and leaves the collection until the key arrives. Not
 * serialized itself: the caller runs one sync or upload at a time.
 */
final class CollectionSync {

    private static final Logger log = LoggerFactory.getLogger(CollectionSync.class);

    private final AccountStore store;
    private final StanzaChannel channel;
    private final AppStateBlobs blobs;
    private final StateApplier applier;
    private final KeyRequests keyRequests;
    private final ChatSyncListeners listeners;
    private final Executor workers;

    CollectionSync(AccountStore store, StanzaChannel channel, AppStateBlobs blobs, StateApplier applier,
                   KeyRequests keyRequests, ChatSyncListeners listeners, Executor workers) {
        this.store = store;
        this.channel = channel;
        this.blobs = blobs;
        this.applier = applier;
        this.keyRequests = keyRequests;
        this.listeners = listeners;
        this.workers = workers;
    }

    /** How one collection's sync goes. */
    private static final class Progress {
        boolean recovering;
        boolean snapshotRead;
        boolean fullSync;
    }

    private enum Next { DONE, MORE, SNAPSHOT }

    /** Syncs {@code collections}; completes when each is in step, failed (reported) or waiting for a key. */
    CompletableFuture<Void> sync(Collection<String> collections) {
        Map<String, Progress> pending = new LinkedHashMap<>();
        collections.forEach(name -> pending.put(name, new Progress()));
        return round(pending);
    }

    private CompletableFuture<Void> round(Map<String, Progress> pending) {
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<AppStateNodes.Request> requests = new ArrayList<>();
        pending.forEach((name, progress) -> requests.add(request(name, progress)));
        return channel.query(AppStateNodes.syncIq(channel.nextIqId(), requests))
                .thenComposeAsync(result -> handle(AppStateNodes.answers(result), pending), workers)
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    pending.keySet().forEach(name -> failed(name, "sync request failed: " + cause.getMessage()));
                    return null;
                });
    }

    private AppStateNodes.Request request(String name, Progress progress) {
        CollectionState state = store.collection(name);
        if (state.version() == 0 || (progress.recovering && !progress.snapshotRead)) {
            return new AppStateNodes.Snapshot(name);
        }
        return new AppStateNodes.Patches(name, state.version());
    }

    private CompletableFuture<Void> handle(List<AppStateNodes.Answer> answers, Map<String, Progress> pending) {
        Map<String, Progress> next = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String name : pending.keySet()) {
            Progress progress = pending.get(name);
            AppStateNodes.Answer answer = answers.stream().filter(a -> a.collection().equals(name)).findFirst().orElse(null);
            chain = chain.thenCompose(v -> {
                if (answer == null) {
                    failed(name, "the server did not answer for " + name);
                    return CompletableFuture.completedFuture(null);
                }
                return apply(answer, progress).thenAccept(outcome -> {
                    if (outcome != Next.DONE) {
                        next.put(name, progress);
                    }
                });
            });
        }
        return chain.thenCompose(v -> round(next));
    }

    private CompletableFuture<Next> apply(AppStateNodes.Answer answer, Progress progress) {
        String name = answer.collection();
        if (answer.failed()) {
            failed(name, "server error " + answer.errorCode() + " " + answer.errorText());
            return CompletableFuture.completedFuture(Next.DONE);
        }
        CompletableFuture<SyncdSnapshot> snapshot = answer.snapshot()
                .map(reference -> blobs.download(reference).thenApply(bytes -> Protobufs.parse(SyncdSnapshot.parser(), bytes)))
                .orElse(CompletableFuture.completedFuture(null));
        return snapshot.handleAsync((read, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof ProtocolException e) {
                    return afterFailure(name, progress, null, answer, e);
                }
                failed(name, "snapshot download failed: " + cause.getMessage());
                return Next.DONE;
            }
            if (read != null) {
                progress.snapshotRead = true;
                progress.fullSync = true;
            }
            try {
                CollectionState state = applier.apply(name, read, answer.patches(), progress.fullSync);
                if (answer.hasMore()) {
                    return Next.MORE;
                }
                listeners.emit(new ChatSyncEvent.Synced(name, state.version(), progress.fullSync, progress.recovering));
                return Next.DONE;
            } catch (ProtocolException e) {
                return afterFailure(name, progress, read, answer, e);
            }
        }, workers);
    }

    private Next afterFailure(String name, Progress progress, SyncdSnapshot snapshot, AppStateNodes.Answer answer,
                              ProtocolException e) {
        if (e.reason() == ProtocolException.Reason.MISSING_KEY) {
            List<byte[]> missing = keyRequests.missing(snapshot, answer.patches());
            keyRequests.request(missing);
            failed(name, "waiting for " + missing.size() + " app-state key(s) from our phone: " + e.getMessage());
            return Next.DONE;
        }
        if (!progress.recovering) {
            log.warn("{} does not verify from version {} ({}), recovering from a snapshot", name,
                    store.collection(name).version(), e.getMessage());
            progress.recovering = true;
            progress.snapshotRead = false;
            return Next.SNAPSHOT;
        }
        failed(name, e.getMessage());
        return Next.DONE;
    }

    private void failed(String name, String reason) {
        long version = store.collection(name).version();
        log.warn("app state {} not synced (stays at version {}): {}", name, version, reason);
        listeners.emit(new ChatSyncEvent.SyncFailed(name, version, reason));
    }
}
