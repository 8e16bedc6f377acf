package io.tryx.protocol.signal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of record inside a transaction ({@link StagedSignalStore}, the runtime's unit of work): staged
 * values and deletions shadow the underlying store until the transaction commits.
 */
public final class StagedTable<K, V> {

    private final Map<K, Optional<V>> staged = new HashMap<>();

    /** The staged value (or deletion) of {@code key}, else what the underlying store holds. */
    public Optional<V> read(K key, Function<K, Optional<V>> underlying) {
        Optional<V> value = staged.get(key);
        return value != null ? value : underlying.apply(key);
    }

    public void put(K key, V value) {
        staged.put(key, Optional.of(value));
    }

    public void delete(K key) {
        staged.put(key, Optional.empty());
    }

    public void clear() {
        staged.clear();
    }
}
