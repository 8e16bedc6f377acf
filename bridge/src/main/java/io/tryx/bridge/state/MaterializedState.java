package io.tryx.bridge.state;

import io.tryx.protocol.jid.Jid;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One account's state as the latest {@link StateEntry} per key, in memory: what reading the account's changelog
 * to its end gives, kept up to date by applying the account's own {@link StateOp}s. Also indexes LID mappings by
 * LID. Not thread-safe: {@link KafkaAccountStore} guards it.
 */
final class MaterializedState {

    private final Map<String, StateEntry> entries = new HashMap<>();
    private final Map<Jid, Jid> phoneByLid = new HashMap<>();

    Optional<StateEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    <T extends StateEntry> Optional<T> get(String key, Class<T> kind) {
        return get(key).filter(kind::isInstance).map(kind::cast);
    }

    Collection<StateEntry> entries() {
        return entries.values();
    }

    Set<String> keys() {
        return entries.keySet();
    }

    Optional<Jid> phoneForLid(Jid lidUser) {
        return Optional.ofNullable(phoneByLid.get(lidUser));
    }

    int size() {
        return entries.size();
    }

    void apply(StateOp op) {
        StateEntry previous = op.entry() == null ? entries.remove(op.key()) : entries.put(op.key(), op.entry());
        if (previous instanceof StateEntry.Lid old) {
            phoneByLid.remove(old.lidUser(), old.phoneUser());
        }
        if (op.entry() instanceof StateEntry.Lid mapped) {
            phoneByLid.put(mapped.lidUser(), mapped.phoneUser());
        }
    }

    void applyAll(Iterable<StateOp> ops) {
        ops.forEach(this::apply);
    }
}
