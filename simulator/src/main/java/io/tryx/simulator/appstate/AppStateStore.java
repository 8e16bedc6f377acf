package io.tryx.simulator.appstate;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's app-state store: per account (phone number) and collection ({@link CollectionState#COLLECTIONS})
 * the ordered patches its devices uploaded. A patch is accepted only on top of the current version (the
 * uploader must have synced first), else it is a {@link Conflict}. Listeners see every stored patch in version
 * order, inside the account's lock, so a reader (the mock phone) never misses or reorders one. Thread-safe.
 */
public final class AppStateStore {

    /** The outcome of an upload. */
    public sealed interface Upload permits Stored, Conflict {
    }

    /** The patch was stored as {@code version}. */
    public record Stored(long version, SyncdPatch patch) implements Upload {
    }

    /** The uploader was not at the current version ({@code serverVersion}); nothing was stored. */
    public record Conflict(long serverVersion) implements Upload {
    }

    /** Patches after a version: the collection's current version and whether more remain beyond this page. */
    public record Page(long version, List<SyncdPatch> patches, boolean hasMore) {
        public Page {
            patches = List.copyOf(patches);
        }
    }

    /** Sees each stored patch of an account's collection. */
    @FunctionalInterface
    public interface Listener {
        void stored(String phone, String collection, SyncdPatch patch);
    }

    private final Map<String, AccountLogs> accounts = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** True for the five collections WhatsApp syncs. */
    public static boolean isCollection(String name) {
        return CollectionState.COLLECTIONS.contains(name);
    }

    public void listener(Listener listener) {
        listeners.add(listener);
    }

    public long version(String phone, String collection) {
        AccountLogs logs = logs(phone);
        synchronized (logs) {
            return logs.log(collection).version();
        }
    }

    /** Up to {@code limit} patches above {@code version}. */
    public Page after(String phone, String collection, long version, int limit) {
        AccountLogs logs = logs(phone);
        synchronized (logs) {
            CollectionLog log = logs.log(collection);
            List<SyncdPatch> page = log.after(version, limit);
            long last = page.isEmpty() ? log.version() : page.getLast().getVersion().getVersion();
            return new Page(last, page, last < log.version());
        }
    }

    /** The collection as a snapshot at its current version; empty for a collection never written. */
    public Optional<SyncdSnapshot> snapshot(String phone, String collection) {
        AccountLogs logs = logs(phone);
        synchronized (logs) {
            return logs.log(collection).snapshot();
        }
    }

    /** Stores {@code patch} when {@code baseVersion} is the current version (the patch becomes the next one). */
    public Upload upload(String phone, String collection, long baseVersion, SyncdPatch patch) {
        AccountLogs logs = logs(phone);
        synchronized (logs) {
            CollectionLog log = logs.log(collection);
            if (baseVersion != log.version()) {
                return new Conflict(log.version());
            }
            SyncdPatch stored = log.append(patch);
            for (Listener listener : listeners) {
                listener.stored(phone, collection, stored);
            }
            return new Stored(log.version(), stored);
        }
    }

    private AccountLogs logs(String phone) {
        return accounts.computeIfAbsent(phone, p -> new AccountLogs());
    }

    private static final class AccountLogs {
        private final Map<String, CollectionLog> collections = new HashMap<>();

        CollectionLog log(String collection) {
            if (!isCollection(collection)) {
                throw new IllegalArgumentException("unknown collection " + collection);
            }
            return collections.computeIfAbsent(collection, CollectionLog::new);
        }
    }
}
