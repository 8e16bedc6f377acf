package io.tryx.protocol.signal.session;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One receiving chain of a session: the peer's ratchet key, the next chain key and the seeds of messages
 * skipped so far (bounded, oldest evicted). Mutable; a session state is copied before it is changed.
 */
final class ReceiverChain {

    private final byte[] ratchetKey;
    private final SkippedKeyWindow window;

    ReceiverChain(byte[] ratchetKey, ChainKey chainKey, LinkedHashMap<Integer, byte[]> skipped, int evictedThrough) {
        this(ratchetKey, new SkippedKeyWindow(chainKey, skipped, evictedThrough));
    }

    ReceiverChain(byte[] ratchetKey, ChainKey chainKey) {
        this(ratchetKey, new SkippedKeyWindow(chainKey));
    }

    private ReceiverChain(byte[] ratchetKey, SkippedKeyWindow window) {
        this.ratchetKey = ratchetKey.clone();
        this.window = window;
    }

    ReceiverChain copy() {
        return new ReceiverChain(ratchetKey, window.copy());
    }

    boolean hasRatchetKey(byte[] key) {
        return Arrays.equals(ratchetKey, key);
    }

    byte[] ratchetKey() {
        return ratchetKey.clone();
    }

    ChainKey chainKey() {
        return window.chainKey();
    }

    Map<Integer, byte[]> skipped() {
        return window.skipped();
    }

    int evictedThrough() {
        return window.evictedThrough();
    }

    /**
     * The message key seed for {@code counter}, consuming it: a stored skipped seed for an older counter,
     * or the chain advanced to the counter with the seeds in between kept for later.
     */
    byte[] consumeSeed(int counter) {
        return window.consumeSeed(counter, "counter");
    }
}
