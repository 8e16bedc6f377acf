package io.tryx.protocol.client.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.PatchEncoder;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.AppStateSyncKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Writes our own mutations: encodes them as the next patch of the collection with the newest sync key (LTHash,
 * snapshot and patch MACs computed on top of the stored state) and uploads it ({@code <collection name version>
 * <patch/>}). When the server stores it at exactly that version, the local state advances as WhatsApp Web does:
 * our own patch is verified and applied like any other (state stored, mutations reported), keeping the LTHash in
 * step without a refetch. On {@code 409 conflict} the patches we missed (in the answer) are applied first and the
 * upload is encoded again once; any other refusal fails with {@link AppStateException}. Not serialized itself.
 */
final class PatchUploader {

    private static final Logger log = LoggerFactory.getLogger(PatchUploader.class);

    private final AccountStore store;
    private final StanzaChannel channel;
    private final StateApplier applier;
    private final CollectionSync sync;
    private final Executor workers;
    private final RandomGenerator random;

    PatchUploader(AccountStore store, StanzaChannel channel, StateApplier applier, CollectionSync sync, Executor workers,
                  RandomGenerator random) {
        this.store = store;
        this.channel = channel;
        this.applier = applier;
        this.sync = sync;
        this.workers = workers;
        this.random = random;
    }

    CompletableFuture<Void> upload(AppStateActions.PatchRequest request) {
        return upload(request, true);
    }

    private CompletableFuture<Void> upload(AppStateActions.PatchRequest request, boolean mayRetry) {
        String name = request.collection();
        AppStateSyncKey key = store.latestAppStateSyncKey().orElse(null);
        if (key == null) {
            return CompletableFuture.failedFuture(new AppStateException(AppStateException.Reason.NO_SYNC_KEY,
                    "no app-state sync key from our phone yet"));
        }
        CollectionState state = store.collection(name);
        PatchEncoder.Encoded encoded = new PatchEncoder(key.keyId(), key.keyData(), random)
                .encodePatch(state, request.mutations());
        AppStateNodes.Upload upload = new AppStateNodes.Upload(name, state.version(), encoded.patch());
        return channel.query(AppStateNodes.syncIq(channel.nextIqId(), List.of(upload))).thenComposeAsync(result -> {
            AppStateNodes.Answer answer = AppStateNodes.answers(result).stream()
                    .filter(a -> a.collection().equals(name)).findFirst()
                    .orElseThrow(() -> new AppStateException(AppStateException.Reason.OUT_OF_STEP,
                            "the server did not answer the upload to " + name));
            if (!answer.failed()) {
                if (answer.version() != encoded.state().version()) {
                    return sync.sync(List.of(name)).thenCompose(v -> CompletableFuture.failedFuture(
                            new AppStateException(AppStateException.Reason.OUT_OF_STEP, name + " patch stored as version "
                                    + answer.version() + ", built for " + encoded.state().version())));
                }
                applier.apply(name, null, List.of(encoded.patch()), false);
                return CompletableFuture.completedFuture(null);
            }
            if (answer.errorCode() == 409 && mayRetry) {
                log.info("{} upload conflicts at version {} (server at {}), catching up and retrying", name,
                        state.version(), answer.version());
                return catchUp(name, answer).thenCompose(v -> upload(request, false));
            }
            return CompletableFuture.failedFuture(new AppStateException(AppStateException.Reason.REJECTED,
                    answer.errorCode(), name + " patch refused: " + answer.errorText()));
        }, workers);
    }

    /** Applies the patches a conflict answer carries; a full sync when there are more or they do not verify. */
    private CompletableFuture<Void> catchUp(String name, AppStateNodes.Answer conflict) {
        try {
            applier.apply(name, null, conflict.patches(), false);
        } catch (ProtocolException e) {
            log.warn("{} patches from the conflict answer do not verify: {}", name, e.getMessage());
            return sync.sync(List.of(name));
        }
        return conflict.hasMore() ? sync.sync(List.of(name)) : CompletableFuture.completedFuture(null);
    }
}
