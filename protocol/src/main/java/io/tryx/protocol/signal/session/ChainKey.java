package io.tryx.protocol.signal.session;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Hmac;

import java.util.Arrays;

/**
 * A symmetric ratchet step: the chain key for message {@code index}. The message key seed is
 * HMAC(key, 0x01) and the next chain key HMAC(key, 0x02) (used by 1:1 chains and sender keys alike).
 */
public record ChainKey(int index, byte[] key) {

    private static final byte[] MESSAGE_KEY_SEED = {0x01};
    private static final byte[] CHAIN_KEY_SEED = {0x02};

    public ChainKey {
        if (index < 0) {
            throw new IllegalArgumentException("chain index must not be negative");
        }
        key = key.clone();
    }

    /** The 32-byte seed the message keys of message {@code index} are derived from. */
    public byte[] messageKeySeed() {
        return Hmac.sha256(key, MESSAGE_KEY_SEED);
    }

    /** The chain key of the following message; a chain ends at index 2^31-1 (uint32 counters above are refused). */
    public ChainKey next() {
        if (index == Integer.MAX_VALUE) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED, "chain is exhausted");
        }
        return new ChainKey(index + 1, Hmac.sha256(key, CHAIN_KEY_SEED));
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainKey other && index == other.index && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "ChainKey[index=" + index + "]";
    }
}
