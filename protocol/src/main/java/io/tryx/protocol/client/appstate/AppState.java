package io.tryx.protocol.client.appstate;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.PeerMessageConsumer;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.AccountStore;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One account's app-state sync. Keys arrive from our phone ({@link #keyShares()}, a peer-message consumer) and
 * start a full sync; after each login (once keys exist) and on every {@code server_sync} notification the
 * collections are brought in step ({@link CollectionSync}); {@link #chatActions()} writes our own mutations
 * ({@link PatchUploader}). Syncs and uploads run one at a time on the workers; every applied mutation is reported to
 * the {@link ChatSyncListener}s. The state (version, LTHash, value MACs per collection) lives in the store, so a
 * restart continues from it. Thread-safe.
 */
public final class AppState {

    private final AccountStore store;
    private final StanzaChannel channel;
    private final ChatSyncListeners listeners = new ChatSyncListeners();
    private final SerialQueue queue;
    private final CollectionSync sync;
    private final PatchUploader uploader;
    private final ChatActions chatActions;
    private final Labels labels;
    private final AccountActions accountActions;
    private final KeyShareConsumer keyShares;

    /**
     * @param sendPeer sends a peer protocol message to our primary device (key requests)
     * @param blobs    downloads snapshot blobs from the media host
     */
    public AppState(AccountStore store, StanzaChannel channel, Function<E2EProto.Message, CompletableFuture<?>> sendPeer,
                    AppStateBlobs blobs, Executor workers, InstantSource clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.queue = new SerialQueue(workers);
        StateApplier applier = new StateApplier(store, listeners);
        KeyRequests keyRequests = new KeyRequests(store, sendPeer, clock);
        this.sync = new CollectionSync(store, channel, blobs, applier, keyRequests, listeners, workers);
        this.uploader = new PatchUploader(store, channel, applier, sync, workers, random);
        this.chatActions = new ChatActions(request -> queue.submit(() -> uploader.upload(request)), clock);
        this.labels = new Labels(request -> queue.submit(() -> uploader.upload(request)), clock);
        this.accountActions = new AccountActions(request -> queue.submit(() -> uploader.upload(request)), clock);
        this.keyShares = new KeyShareConsumer(store, this::syncAll);
    }

    /** App-state blobs downloaded and verified by the account's {@code media} component. */
    public static AppStateBlobs mediaBlobs(io.tryx.protocol.client.media.Media media, Executor workers) {
        return new MediaAppStateBlobs(media, workers);
    }

    public void addListener(ChatSyncListener listener) {
        listeners.add(listener);
    }

    /** Our own mutations (archive, pin, mute, ...). */
    /** Labels: create, edit, delete, and put on or take off chats and messages. */
    public Labels labels() {
        return labels;
    }

    /** Push name and address-book writes. */
    public AccountActions accountActions() {
        return accountActions;
    }

    public ChatActions chatActions() {
        return chatActions;
    }

    /** The consumer of the phone's {@code APP_STATE_SYNC_KEY_SHARE}s, for messaging. */
    public PeerMessageConsumer keyShares() {
        return keyShares;
    }

    /** After login: syncs every collection if keys exist (otherwise the phone's key share will start it). */
    public CompletableFuture<Void> afterLogin() {
        return syncAll();
    }

    /** Syncs every collection (see {@link #sync(Collection)}). */
    public CompletableFuture<Void> syncAll() {
        return sync(CollectionState.COLLECTIONS);
    }

    /**
     * Syncs the named collections; skipped while no key exists and none was ever synced (a new device waits for the
     * phone's key share). A device that has state but lost its keys syncs, and asks the phone for the keys.
     */
    public CompletableFuture<Void> sync(Collection<String> collections) {
        List<String> names = List.copyOf(collections);
        return queue.submit(() -> store.latestAppStateSyncKey().isEmpty()
                && names.stream().allMatch(name -> store.collection(name).version() == 0)
                ? CompletableFuture.completedFuture(null) : sync.sync(names));
    }

    /**
     * Takes {@code notification type="server_sync"}: acknowledges it and syncs the collections it names (all if
     * none). Never blocks.
     */
    public boolean onNotification(Node notification) {
        if (!notification.attrs().optionalString("type").filter("server_sync"::equals).isPresent()) {
            return false;
        }
        channel.send(AppStateNodes.ack(notification));
        List<String> named = AppStateNodes.notifiedCollections(notification).stream()
                .filter(CollectionState.COLLECTIONS::contains).toList();
        sync(named.isEmpty() ? CollectionState.COLLECTIONS : named);
        return true;
    }
}
