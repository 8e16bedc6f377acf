package io.tryx.protocol.signal.session;

import java.util.OptionalInt;

/**
 * The X3DH parameters an initiator repeats in every message (as a pkmsg) until the peer answers:
 * the one-time prekey id used (if any), the signed prekey id and our base key (raw 32 bytes).
 */
public record PendingPreKey(OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey) {

    public PendingPreKey {
        baseKey = baseKey.clone();
    }

    @Override
    public byte[] baseKey() {
        return baseKey.clone();
    }
}
