package io.tryx.bridge.state;

import java.util.Optional;

/**
 * One record of the state changelog: {@code entry} becomes the value under {@code key}, or, when it is null, the
 * key is deleted (a tombstone).
 */
record StateOp(String key, StateEntry entry) {

    static StateOp put(StateEntry entry) {
        return new StateOp(entry.key(), entry);
    }

    static StateOp delete(String key) {
        return new StateOp(key, null);
    }

    Optional<StateEntry> value() {
        return Optional.ofNullable(entry);
    }
}
