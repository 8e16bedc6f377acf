package io.tryx.protocol.client;

import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.store.PreKeyStore;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    PreKeyRefill(ClientSession session, CredentialStore store, PreKeyStore preKeyStore, ClientConfig config,
                 SecureRandom random) {
        this.session = session;
        this.store = store;
        this.preKeyStore = preKeyStore;
        this.config = config;
        this.random = random;
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
                    return count < config.preKeyMinCount() ? upload() : CompletableFuture.completedFuture(null);
                });
    }

    private CompletableFuture<Void> upload() {
        DeviceCredentials credentials = store.load().orElseThrow();
        List<PreKeyRecord> keys = KeyHelper.generatePreKeys(credentials.nextPreKeyId(), config.preKeyUploadCount(), random);
        int next = KeyHelper.nextPreKeyId(keys.getLast().id());
        keys.forEach(preKeyStore::storePreKey);
        store.save(credentials.withNextPreKeyId(next));
        Node upload = ClientNodes.preKeyUpload(session.nextIqId(), credentials.registrationId(),
                credentials.identity().publicKey().publicKey(), keys, credentials.signedPreKey());
        return session.query(upload).thenAccept(answer -> {
            session.emit(new ClientEvent.PreKeysUploaded(keys.size()));
        });
    }
}
