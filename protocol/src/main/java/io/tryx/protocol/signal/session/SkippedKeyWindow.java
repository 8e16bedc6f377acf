package io.tryx.protocol.signal.session;

import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.MessageWindowException;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The receiving side of a symmetric chain, shared by session receiving chains and group sender keys:
 * the next chain key plus the seeds of indexes skipped so far. Out-of-order delivery is allowed within
 * {@link SessionLimits#MAX_FORWARD_JUMP}; at most {@link SessionLimits#MAX_MESSAGE_KEYS} skipped seeds
 * are kept (oldest evicted); a used index is a duplicate. Mutable; owners copy it before a change.
 */
public final class SkippedKeyWindow {

    private ChainKey chainKey;
    private final LinkedHashMap<Integer, byte[]> skipped;
    private int evictedThrough;

    public SkippedKeyWindow(ChainKey chainKey, LinkedHashMap<Integer, byte[]> skipped, int evictedThrough) {
        this.chainKey = chainKey;
        this.skipped = skipped;
        this.evictedThrough = evictedThrough;
    }

    public SkippedKeyWindow(ChainKey chainKey) {
        this(chainKey, new LinkedHashMap<>(), -1);
    }

    public SkippedKeyWindow copy() {
        return new SkippedKeyWindow(chainKey, new LinkedHashMap<>(skipped), evictedThrough);
    }

    /** The chain key of the lowest index not derived yet. */
    public ChainKey chainKey() {
        return chainKey;
    }

    /** Moves the chain on (the sending side of a sender key uses the window only as its chain). */
    public void advance() {
        chainKey = chainKey.next();
    }

    /** Skipped seeds by index, oldest first (read-only view for serialization). */
    public Map<Integer, byte[]> skipped() {
        return Collections.unmodifiableMap(skipped);
    }

    /** Every index up to this one was evicted (-1 when none was). */
    public int evictedThrough() {
        return evictedThrough;
    }

    /**
     * The message key seed for {@code index}, consuming it: a stored skipped seed for an older index, or
     * the chain advanced to the index with the seeds in between kept for later. {@code unit} names the
     * index in errors ("counter", "iteration").
     */
    public byte[] consumeSeed(int index, String unit) {
        int next = chainKey.index();
        if (index < next) {
            byte[] seed = skipped.remove(index);
            if (seed != null) {
                return seed;
            }
            if (index <= evictedThrough) {
                throw new MessageWindowException(unit + " " + index + " is older than the kept message keys");
            }
            throw new DuplicateMessageException("message key for " + unit + " " + index + " was already used");
        }
        if ((long) index - next > SessionLimits.MAX_FORWARD_JUMP) {
            throw new MessageWindowException(unit + " " + index + " is more than "
                    + SessionLimits.MAX_FORWARD_JUMP + " ahead of " + next);
        }
        ChainKey key = chainKey;
        while (key.index() < index) {
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
