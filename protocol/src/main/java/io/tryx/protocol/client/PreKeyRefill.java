package io.tryx.protocol.client;

import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.UnitOfWork;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.store.PreKeyStore;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * After login: asks how many one-time prekeys the server holds ({@code iq encrypt get count}), uploads a batch
 * when fewer than the threshold remain ({@code iq encrypt set}), then marks the session active
 * ({@code iq passive set active}). New keys are stored (and the next id advanced) before the upload, so a
 * message built on one can be decrypted as soon as the server hands it out. Failures are left to the next login.
 */
final class PreKeyRefill {

    private final ClientSession session;
    private final CredentialStore store;
    private final PreKeyStore preKeyStore;
    private final ClientConfig config;
    private final SecureRandom random;
    private final Executor blocking;

    /** {@code blocking} runs key generation and store writes, off the connection's event loop. */
    PreKeyRefill(ClientSession session, CredentialStore store, PreKeyStore preKeyStore, ClientConfig config,
                 SecureRandom random, Executor blocking) {
        this.session = session;
        this.store = store;
        this.preKeyStore = preKeyStore;
        this.config = config;
        this.random = random;
        this.blocking = blocking;
    }

    /** Runs the post-login sequence; completes when the session is active. */
    CompletableFuture<Void> afterLogin() {
        return topUp()
                .thenCompose(ignored -> session.query(ClientNodes.active(session.nextIqId())))
                .<Void>thenApply(ignored -> null)
                .exceptionally(error -> null);
    }

    /**
     * Asks how many one-time prekeys the server holds and uploads a batch when fewer than the threshold remain
     * (after login, and when the server notifies that they run low: peers took them for new sessions).
     */
    CompletableFuture<Void> topUp() {
        return session.query(ClientNodes.preKeyCount(session.nextIqId()))
                .thenCompose(answer -> {
                    int count = answer.child("count").flatMap(c -> c.attrs().optionalString("value"))
                            .map(Integer::parseInt).orElse(0);
                    return count < config.preKeyMinCount()
                            ? CompletableFuture.supplyAsync(this::generateAndStore, blocking).thenCompose(this::upload)
                            : CompletableFuture.completedFuture(null);
                });
    }

    /** New keys and the advanced next id, stored together when the store is an account store. */
    private Batch generateAndStore() {
        DeviceCredentials credentials = store.load().orElseThrow();
        List<PreKeyRecord> keys = KeyHelper.generatePreKeys(credentials.nextPreKeyId(), config.preKeyUploadCount(), random);
        DeviceCredentials advanced = credentials.withNextPreKeyId(KeyHelper.nextPreKeyId(keys.getLast().id()));
        // under the session's lock: a logout that wiped the store meanwhile must not be undone by this save
        synchronized (session) {
            DeviceCredentials current = store.load().orElse(null);
            if (session.state() == ClientSession.State.STOPPED || current == null
                    || current.nextPreKeyId() != credentials.nextPreKeyId()) {
                throw new IllegalStateException("credentials changed while prekeys were generated; upload skipped");
            }
            if (preKeyStore instanceof AccountStore account && account == store) {
                // one unit: a crash can neither lose the keys nor hand out their ids again (and one commit, not 812)
                UnitOfWork work = account.begin();
                keys.forEach(work::storePreKey);
                work.save(advanced);
                work.commit();
            } else {
                keys.forEach(preKeyStore::storePreKey);
                store.save(advanced);
            }
        }
        return new Batch(credentials, keys);
    }

    private record Batch(DeviceCredentials credentials, List<PreKeyRecord> keys) {
    }

    private CompletableFuture<Void> upload(Batch batch) {
        DeviceCredentials credentials = batch.credentials();
        List<PreKeyRecord> keys = batch.keys();
        Node upload = ClientNodes.preKeyUpload(session.nextIqId(), credentials.registrationId(),
                credentials.identity().publicKey().publicKey(), keys, credentials.signedPreKey());
        return session.query(upload).thenAccept(answer -> {
            session.emit(new ClientEvent.PreKeysUploaded(keys.size()));
        });
    }
}
