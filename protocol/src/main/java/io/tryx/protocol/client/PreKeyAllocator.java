package io.tryx.protocol.client;

import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.store.PreKeyStore;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.UnitOfWork;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place that hands out our key ids and rewrites the credentials' key fields, for one account. Every path that
 * creates one-time prekeys (the refill after login or a low-count notification, a retry receipt carrying a fresh key)
 * and the signed prekey rotation run under its lock, so two of them can never read the same next id and store
 * different keys under it. Keys and the advanced id commit together (one unit when the store is an account store),
 * before the caller uploads or sends them. A commit checks under the session's monitor that the session still runs
 * and the credentials were not wiped or replaced meanwhile (a logout during key generation is never undone).
 * Thread-safe.
 */
public final class PreKeyAllocator {

    private final ReentrantLock lock = new ReentrantLock();
    private final CredentialStore credentials;
    private final PreKeyStore preKeys;
    private final SecureRandom random;
    private final Object guard;
    private final BooleanSupplier running;

    /** An allocator over {@code store} that always commits (no session whose logout it must respect). */
    public PreKeyAllocator(AccountStore store, SecureRandom random) {
        this(store, store, random, new Object(), () -> true);
    }

    /**
     * An allocator whose commits run under {@code guard}'s monitor and only while {@code running} (checked under that
     * monitor) holds.
     */
    PreKeyAllocator(CredentialStore credentials, PreKeyStore preKeys, SecureRandom random, Object guard,
                    BooleanSupplier running) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.preKeys = Objects.requireNonNull(preKeys, "preKeys");
        this.random = Objects.requireNonNull(random, "random");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.running = Objects.requireNonNull(running, "running");
    }

    /**
     * Generates {@code count} one-time prekeys with the next free ids and stores them with the advanced next id;
     * returns them once committed. Blocks on the store. Fails with {@link IllegalStateException} when the account
     * has no credentials or was logged out meanwhile (nothing is stored then).
     */
    public List<PreKeyRecord> allocate(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        lock.lock();
        try {
            DeviceCredentials before = credentials.load()
                    .orElseThrow(() -> new IllegalStateException("no credentials to allocate prekeys for"));
            List<PreKeyRecord> keys = KeyHelper.generatePreKeys(before.nextPreKeyId(), count, random);
            int next = KeyHelper.nextPreKeyId(keys.getLast().id());
            commit(before, current -> current.withNextPreKeyId(next), work -> keys.forEach(work::storePreKey),
                    () -> keys.forEach(preKeys::storePreKey));
            return keys;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code step} under the allocation lock, for other read-modify-writes of the credentials' keys (the signed
     * prekey rotation). {@code step} must not wait on the network.
     */
    <T> T locked(Supplier<T> step) {
        lock.lock();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Saves {@code update} applied to the current credentials, together with {@code extra} writes, if the credentials
     * are still those of {@code before} (same identity and next prekey id) and the session runs. Call under
     * {@link #locked}.
     */
    void commit(DeviceCredentials before, Function<DeviceCredentials, DeviceCredentials> update,
                Consumer<UnitOfWork> extra, Runnable extraWithoutUnit) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("commit outside the allocation lock");
        }
        synchronized (guard) {
            DeviceCredentials current = credentials.load().orElse(null);
            if (!running.getAsBoolean() || current == null || current.nextPreKeyId() != before.nextPreKeyId()
                    || !current.identity().publicKey().equals(before.identity().publicKey())) {
                throw new IllegalStateException("credentials changed (logout or new pairing) while keys were made; not stored");
            }
            DeviceCredentials updated = update.apply(current);
            if (preKeys instanceof AccountStore account && account == credentials) {
                // one unit: a crash can neither lose the keys nor hand their ids out again (and one commit, not 812)
                UnitOfWork work = account.begin();
                extra.accept(work);
                work.save(updated);
                work.commit();
            } else {
                extraWithoutUnit.run(); // keys first: an id is never advanced past keys that were not stored
                credentials.save(updated);
            }
        }
    }
}
