package io.tryx.protocol.client;

import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.signal.PreKeyRecord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * After login: asks how many one-time prekeys the server holds ({@code iq encrypt get count}), uploads a batch
 * when fewer than the threshold remain ({@code iq encrypt set}), rotates the signed prekey when it is due
 * ({@link SignedPreKeyRotation}, may be null without a signed prekey store), then marks the session active
 * ({@code iq passive set active}). Uploads and rotations run one at a time. New keys are stored (and the next id advanced) before the upload, so a
 * message built on one can be decrypted as soon as the server hands it out. Failures are left to the next login.
 */
final class PreKeyRefill {

    private final ClientSession session;
    private final CredentialStore store;
    private final PreKeyAllocator allocator;
    private final ClientConfig config;
    private final Executor blocking;
    private final SignedPreKeyRotation rotation;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    /** {@code blocking} runs key generation and store writes, off the connection's event loop. */
    PreKeyRefill(ClientSession session, CredentialStore store, PreKeyAllocator allocator, ClientConfig config,
                 Executor blocking, SignedPreKeyRotation rotation) {
        this.session = session;
        this.store = store;
        this.allocator = allocator;
        this.config = config;
        this.blocking = blocking;
        this.rotation = rotation;
    }

    /** Runs the post-login sequence (top up, rotate the signed prekey when due, go active); completes when active. */
    CompletableFuture<Void> afterLogin() {
        return serially(this::refill)
                .exceptionally(error -> null) // a failed refill is left to the next login; the rotation still runs
                .thenCompose(ignored -> rotateIfDue())
                .exceptionally(error -> false)
                .thenCompose(ignored -> session.query(ClientNodes.active(session.nextIqId())))
                .<Void>thenApply(ignored -> null)
                .exceptionally(error -> null);
    }

    /** Rotates the signed prekey if it is due (none without a signed prekey store); true when it did. */
    CompletableFuture<Boolean> rotateIfDue() {
        if (rotation == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> rotated = new CompletableFuture<>();
        serially(() -> rotation.rotateIfDue().whenComplete((value, error) -> {
            if (error != null) {
                rotated.completeExceptionally(error);
            } else {
                rotated.complete(value);
            }
        }).<Void>thenApply(value -> null));
        return rotated;
    }

    /**
     * Runs key uploads one after the other: a refill's upload carries the signed prekey, so it must not overtake a
     * rotation and hand the server the replaced key again.
     */
    private synchronized CompletableFuture<Void> serially(Supplier<CompletableFuture<Void>> step) {
        CompletableFuture<Void> next = tail.handle((ok, error) -> null).thenCompose(ignored -> step.get());
        tail = next;
        return next;
    }

    /**
     * Asks how many one-time prekeys the server holds and uploads a batch when fewer than the threshold remain
     * (after login, and when the server notifies that they run low: peers took them for new sessions).
     */
    CompletableFuture<Void> topUp() {
        return serially(this::refill);
    }

    private CompletableFuture<Void> refill() {
        return session.query(ClientNodes.preKeyCount(session.nextIqId()))
                .thenCompose(answer -> {
                    int count = answer.child("count").flatMap(c -> c.attrs().optionalString("value"))
                            .map(Integer::parseInt).orElse(0);
                    return count < config.preKeyMinCount()
                            ? CompletableFuture.supplyAsync(this::generateAndStore, blocking).thenCompose(this::upload)
                            : CompletableFuture.completedFuture(null);
                });
    }

    /** New keys, stored with the advanced next id through the account's allocator, and the credentials to upload them with. */
    private Batch generateAndStore() {
        List<PreKeyRecord> keys = allocator.allocate(config.preKeyUploadCount());
        DeviceCredentials credentials = store.load()
                .orElseThrow(() -> new IllegalStateException("credentials wiped after prekeys were stored"));
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
