package io.tryx.protocol.store;

import java.util.Objects;

/**
 * A message's secret, when kept the original message's protobuf bytes (empty when not), and when the message was
 * sent or received.
 */
public record StoredSecret(byte[] secret, byte[] original, long storedAtMillis) {

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
