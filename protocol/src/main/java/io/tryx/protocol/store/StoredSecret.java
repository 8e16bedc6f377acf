package io.tryx.protocol.store;

import java.util.Objects;

/** A message's secret and, when kept, the original message's protobuf bytes (empty when not). */
public record StoredSecret(byte[] secret, byte[] original) {

    public StoredSecret {
        secret = Objects.requireNonNull(secret, "secret").clone();
        original = original == null ? new byte[0] : original.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public byte[] original() {
        return original.clone();
    }
}
