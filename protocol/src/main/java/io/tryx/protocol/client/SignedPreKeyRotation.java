package io.tryx.protocol.client;

import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.store.SignedPreKeyStore;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Rotates the signed prekey once it is older than {@link ClientConfig#signedPreKeyRotation()} (WhatsApp and Signal
 * clients replace it about weekly), as WhatsApp Web does: {@code <iq xmlns="encrypt" type="set"><rotate><skey><id/>
 * <value/><signature/></skey></rotate></iq>}. The new key (next free id) is stored first, next to the current one, so
 * whatever the server hands out from the moment it took the upload decrypts; only after the server's answer do the
 * credentials switch to it. A failed upload leaves the credentials as they were (the next check tries again with a
 * fresh key). A replaced key is kept for {@link ClientConfig#signedPreKeyRetention()} after its successor was made, so
 * pkmsgs peers built on it before the rotation still decrypt; then it is pruned. Store work runs on {@code blocking}
 * under the account's {@link PreKeyAllocator} lock.
 */
final class SignedPreKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SignedPreKeyRotation.class);
    /** How far below the current id pruning looks for replaced keys. */
    private static final int PRUNE_WINDOW = 64;

    private final ClientSession session;
    private final CredentialStore store;
    private final SignedPreKeyStore signed;
    private final PreKeyAllocator allocator;
    private final ClientConfig config;
    private final InstantSource clock;
    private final SecureRandom random;
    private final Executor blocking;

    SignedPreKeyRotation(ClientSession session, CredentialStore store, SignedPreKeyStore signed, PreKeyAllocator allocator,
                         ClientConfig config, InstantSource clock, SecureRandom random, Executor blocking) {
        this.session = session;
        this.store = store;
        this.signed = signed;
        this.allocator = allocator;
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.blocking = blocking;
    }

    /**
     * Rotates when due and prunes replaced keys past their retention; completes with true when it rotated (once
     * {@link ClientEvent.SignedPreKeyRotated} reached the listeners).
     */
    CompletableFuture<Boolean> rotateIfDue() {
        return CompletableFuture.supplyAsync(this::stageIfDue, blocking).thenCompose(staged -> {
            if (staged == null) {
                return CompletableFuture.supplyAsync(() -> {
                    prune();
                    return false;
                }, blocking);
            }
            return session.query(ClientNodes.rotateSignedPreKey(session.nextIqId(), staged)).thenApplyAsync(answer -> {
                activate(staged);
                log.info("signed prekey rotated to id {}", staged.id());
                prune();
                return staged;
            }, blocking).thenCompose(done -> session.emitted(new ClientEvent.SignedPreKeyRotated(done.id())))
                    .thenApply(delivered -> true);
        });
    }

    /** A new signed prekey stored beside the current one when the current is due, else null. */
    private SignedPreKeyRecord stageIfDue() {
        long now = clock.millis();
        return allocator.locked(() -> {
            DeviceCredentials before = store.load().filter(DeviceCredentials::isPaired).orElse(null);
            if (before == null) {
                return null;
            }
            SignedPreKeyRecord current = before.signedPreKey();
            if (now - current.timestampMillis() < config.signedPreKeyRotation().toMillis()) {
                return null;
            }
            int id = KeyHelper.nextPreKeyId(current.id());
            while (id != current.id() && signed.signedPreKey(id).isPresent()) {
                id = KeyHelper.nextPreKeyId(id); // a key an earlier, failed rotation staged: never reuse its id
            }
            SignedPreKeyRecord next = KeyHelper.generateSignedPreKey(before.identity(), id, now, random);
            allocator.commit(before, credentials -> credentials, work -> {
                keep(work, current);
                work.storeSignedPreKey(next);
            }, () -> {
                keep(signed, current);
                signed.storeSignedPreKey(next);
            });
            return next;
        });
    }

    /** The server took {@code staged}: it becomes the credentials' signed prekey (the old one stays stored). */
    private void activate(SignedPreKeyRecord staged) {
        allocator.locked(() -> {
            DeviceCredentials before = store.load().orElseThrow(() -> new IllegalStateException("credentials wiped"));
            if (before.signedPreKey().id() != staged.id()) {
                SignedPreKeyRecord old = before.signedPreKey();
                allocator.commit(before, credentials -> credentials.withSignedPreKey(staged), work -> keep(work, old),
                        () -> keep(signed, old));
            }
            return null;
        });
    }

    /** Stores the signed prekey the credentials hold unless it is stored already (decryption reads it by id). */
    private static void keep(SignedPreKeyStore target, SignedPreKeyRecord key) {
        if (target.signedPreKey(key.id()).isEmpty()) {
            target.storeSignedPreKey(key);
        }
    }

    /** Removes replaced keys whose successor is older than the retention, walking down from the current id. */
    private void prune() {
        long cutoff = clock.millis() - config.signedPreKeyRetention().toMillis();
        allocator.locked(() -> {
            DeviceCredentials credentials = store.load().orElse(null);
            if (credentials == null) {
                return null;
            }
            List<Integer> expired = new ArrayList<>();
            long successorMade = credentials.signedPreKey().timestampMillis();
            int id = credentials.signedPreKey().id();
            for (int step = 0; step < PRUNE_WINDOW && id > 1; step++) {
                id--;
                SignedPreKeyRecord older = signed.signedPreKey(id).orElse(null);
                if (older == null) {
                    break;
                }
                if (successorMade <= cutoff) {
                    expired.add(id);
                }
                successorMade = older.timestampMillis();
            }
            if (expired.isEmpty()) {
                return null;
            }
            if (signed instanceof AccountStore account) {
                UnitOfWork work = account.begin();
                expired.forEach(work::removeSignedPreKey);
                work.commit();
            } else {
                expired.forEach(signed::removeSignedPreKey);
            }
            log.info("pruned signed prekeys {} (replaced more than {} ago)", expired, config.signedPreKeyRetention());
            return null;
        });
    }
}
