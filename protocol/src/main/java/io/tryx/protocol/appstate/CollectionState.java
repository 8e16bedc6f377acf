package io.tryx.protocol.appstate;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a device must remember about one app-state collection to verify the next patch: its name,
 * version, LTHash and the value MAC currently set at each index MAC. Immutable: applying a patch
 * yields a new state.
 */
public record CollectionState(String name, long version, LtHash hash, Map<String, byte[]> valueMacs) {

    /** The collections WhatsApp syncs, in the order clients fetch them. */
    public static final java.util.List<String> COLLECTIONS =
            java.util.List.of("critical_block", "critical_unblock_low", "regular_high", "regular", "regular_low");

    public CollectionState {
        valueMacs = Map.copyOf(valueMacs);
    }

    /** A collection never synced: version 0, empty hash. */
    public static CollectionState initial(String name) {
        return new CollectionState(name, 0, LtHash.empty(), Map.of());
    }

    /** The value MAC currently set at an index MAC, if any. */
    public Optional<byte[]> valueMacAt(byte[] indexMac) {
        return Optional.ofNullable(valueMacs.get(key(indexMac)));
    }

    static String key(byte[] indexMac) {
        return Base64.getEncoder().encodeToString(indexMac);
    }

    /** Accumulates the effect of mutations; produces the next state. */
    static final class Builder {
        private final String name;
        private final Map<String, byte[]> values;
        private final java.util.List<byte[]> removed = new java.util.ArrayList<>();
        private final java.util.List<byte[]> added = new java.util.ArrayList<>();
        private final LtHash base;

        Builder(CollectionState from) {
            this.name = from.name;
            this.values = new HashMap<>(from.valueMacs);
            this.base = from.hash;
        }

        void apply(MutationOperation operation, byte[] indexMac, byte[] valueMac) {
            String k = key(indexMac);
            byte[] previous = operation == MutationOperation.SET ? values.put(k, valueMac) : values.remove(k);
            if (previous != null) {
                removed.add(previous);
            }
            if (operation == MutationOperation.SET) {
                added.add(valueMac);
            }
        }

        LtHash hash() {
            return base.subtractThenAdd(removed, added);
        }

        CollectionState build(long version) {
            return new CollectionState(name, version, hash(), values);
        }
    }
}
