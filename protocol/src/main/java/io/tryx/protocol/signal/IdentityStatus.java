package io.tryx.protocol.signal;

import java.util.Objects;

/**
 * How a peer's identity key compares with the one we had stored. WhatsApp trusts on first use and
 * accepts changes (the peer reinstalled), but a change must reach the caller (to show "security code
 * changed" and to audit), so every session setup and decrypt returns one of these.
 */
public sealed interface IdentityStatus {

    /** The identity the operation used. */
    IdentityKey identity();

    /** The same key as stored. */
    record Unchanged(IdentityKey identity) implements IdentityStatus {
        public Unchanged {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** No key was stored for the address; this one is now trusted. */
    record FirstSeen(IdentityKey identity) implements IdentityStatus {
        public FirstSeen {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** A different key than the stored {@code previous}: the peer's identity changed. */
    record Changed(IdentityKey previous, IdentityKey identity) implements IdentityStatus {
        public Changed {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** Compares a key with what was stored (empty when nothing was). */
    static IdentityStatus compare(java.util.Optional<IdentityKey> stored, IdentityKey current) {
        if (stored.isEmpty()) {
            return new FirstSeen(current);
        }
        return stored.get().equals(current) ? new Unchanged(current) : new Changed(stored.get(), current);
    }

    /** True unless the key was already stored as is. */
    default boolean needsSaving() {
        return !(this instanceof Unchanged);
    }
}
