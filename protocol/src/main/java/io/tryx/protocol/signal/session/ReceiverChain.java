package io.tryx.protocol.signal.session;

import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.MessageWindowException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One receiving chain of a session: the peer's ratchet key, the next chain key and the seeds of messages
 * skipped so far (bounded, oldest evicted). Mutable; a session state is copied before it is changed.
 */
final class ReceiverChain {

    private final byte[] ratchetKey;
    private ChainKey chainKey;
    private final LinkedHashMap<Integer, byte[]> skipped;
    private int evictedThrough;

    ReceiverChain(byte[] ratchetKey, ChainKey chainKey, LinkedHashMap<Integer, byte[]> skipped, int evictedThrough) {
        this.ratchetKey = ratchetKey.clone();
        this.chainKey = chainKey;
        this.skipped = skipped;
        this.evictedThrough = evictedThrough;
    }

    ReceiverChain(byte[] ratchetKey, ChainKey chainKey) {
        this(ratchetKey, chainKey, new LinkedHashMap<>(), -1);
    }

    ReceiverChain copy() {
        return new ReceiverChain(ratchetKey, chainKey, new LinkedHashMap<>(skipped), evictedThrough);
    }

    boolean hasRatchetKey(byte[] key) {
        return Arrays.equals(ratchetKey, key);
    }

    byte[] ratchetKey() {
        return ratchetKey.clone();
    }

    ChainKey chainKey() {
        return chainKey;
    }

    /** Skipped seeds by counter, in insertion (ascending) order; a live view for serialization. */
    Map<Integer, byte[]> skipped() {
        return skipped;
    }

    int evictedThrough() {
        return evictedThrough;
    }

    /**
     * The message key seed for {@code counter}, consuming it: a stored skipped seed for an older counter,
     * or the chain advanced to the counter with the seeds in between kept for later.
     */
    byte[] consumeSeed(int counter) {
        int next = chainKey.index();
        if (counter < next) {
            byte[] seed = skipped.remove(counter);
            if (seed != null) {
                return seed;
            }
            if (counter <= evictedThrough) {
                throw new MessageWindowException("counter " + counter + " is older than the kept message keys");
            }
            throw new DuplicateMessageException("message key for counter " + counter + " was already used");
        }
        if ((long) counter - next > SessionLimits.MAX_FORWARD_JUMP) {
            throw new MessageWindowException("counter " + counter + " is more than "
                    + SessionLimits.MAX_FORWARD_JUMP + " ahead of " + next);
        }
        ChainKey key = chainKey;
        while (key.index() < counter) {
            skipped.put(key.index(), key.messageKeySeed());
            if (skipped.size() > SessionLimits.MAX_MESSAGE_KEYS) {
                Iterator<Map.Entry<Integer, byte[]>> eldest = skipped.entrySet().iterator();
                evictedThrough = Math.max(evictedThrough, eldest.next().getKey());
                eldest.remove();
            }
            key = key.next();
        }
        chainKey = key.next();
        return key.messageKeySeed();
    }
}
