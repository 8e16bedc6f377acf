package io.tryx.simulator.appstate;

import io.tryx.protocol.appstate.PatchEncoder;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.messaging.Delivery;
import io.tryx.simulator.router.StanzaRouter;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * App state sync wired together: the server's {@link AppStateStore}, the {@code w:sync:app:state} IQ
 * ({@link SyncIqHandler}), snapshots on the media host, {@code server_sync} notifications, and each account's
 * mock phone side ({@link PhoneAppState}), which reads every stored patch and makes mutations on the admin API's
 * behalf. Thread-safe.
 */
public final class AppStateService {

    /** How many patches one answer carries at most before {@code has_more_patches}. */
    public static final int PAGE_SIZE = 100;
    private static final int UPLOAD_ATTEMPTS = 3;

    private final AppStateStore store = new AppStateStore();
    private final SnapshotBlobs snapshots;
    private final ServerSyncNotifier notifier;
    private final InstantSource clock;
    private final int pageSize;
    private final Map<String, PhoneAppState> phones = new ConcurrentHashMap<>();

    public AppStateService(Delivery delivery, MediaBlobs blobs, InstantSource clock) {
        this(delivery, blobs, clock, PAGE_SIZE);
    }

    public AppStateService(Delivery delivery, MediaBlobs blobs, InstantSource clock, int pageSize) {
        this.snapshots = new SnapshotBlobs(blobs);
        this.notifier = new ServerSyncNotifier(delivery, clock);
        this.clock = clock;
        this.pageSize = pageSize;
        store.listener((phone, collection, patch) -> phone(phone).observe(collection, patch));
    }

    /** Registers the {@code w:sync:app:state} IQ. */
    public void register(StanzaRouter router) {
        router.iq("w:sync:app:state", new SyncIqHandler(store, snapshots, notifier, pageSize));
    }

    public AppStateStore store() {
        return store;
    }

    /** The account's mock phone app state (its sync key, verified state and decoded view). */
    public PhoneAppState phone(Account account) {
        return phone(account.phone());
    }

    private PhoneAppState phone(String phone) {
        return phones.computeIfAbsent(phone, p -> new PhoneAppState(p, clock.millis()));
    }

    /** The mutation an admin request asks for, stamped now ({@link SyncActions#build}). */
    public SyncActions.SyncAction action(com.fasterxml.jackson.databind.JsonNode request) {
        return SyncActions.build(request, clock.millis());
    }

    /**
     * The account's phone makes {@code action}: encodes it on its verified state, stores the patch and notifies
     * every companion. Returns the new version.
     *
     * @throws IllegalStateException when the phone cannot get its patch on top (its state is behind after a
     *                               patch that failed verification)
     */
    public long mutate(Account account, SyncActions.SyncAction action) {
        PhoneAppState phone = phone(account);
        for (int attempt = 0; attempt < UPLOAD_ATTEMPTS; attempt++) {
            PatchEncoder.Encoded encoded = phone.encode(action.collection(), List.of(action.mutation()));
            long base = encoded.state().version() - 1;
            AppStateStore.Upload upload = store.upload(account.phone(), action.collection(), base, encoded.patch());
            if (upload instanceof AppStateStore.Stored stored) {
                notifier.notify(account, 0, action.collection(), stored.version());
                return stored.version();
            }
        }
        throw new IllegalStateException("the phone's " + action.collection() + " state is behind the server's (v"
                + store.version(account.phone(), action.collection()) + "), see its verification errors");
    }
}
