package io.tryx.protocol.signal.group;

import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.MessageWindowException;
import io.tryx.protocol.signal.session.ChainKey;
import io.tryx.protocol.signal.session.SessionLimits;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One sender key of a group member: its id, chain key (at the next iteration), public signing key,
 * private signing key when it is our own, and the seeds of skipped iterations (bounded, oldest evicted).
 * Mutable; a record is copied before a change.
 */
public final class SenderKeyState {

    final int keyId;
    ChainKey chainKey;
    final byte[] signingPublic;
    final byte[] signingPrivate;
    final LinkedHashMap<Integer, byte[]> skipped;
    int evictedThrough;

    SenderKeyState(int keyId, ChainKey chainKey, byte[] signingPublic, byte[] signingPrivate,
                   LinkedHashMap<Integer, byte[]> skipped, int evictedThrough) {
        this.keyId = keyId;
        this.chainKey = chainKey;
        this.signingPublic = signingPublic.clone();
        this.signingPrivate = signingPrivate == null ? null : signingPrivate.clone();
        this.skipped = skipped;
        this.evictedThrough = evictedThrough;
    }

    SenderKeyState copy() {
        return new SenderKeyState(keyId, chainKey, signingPublic, signingPrivate, new LinkedHashMap<>(skipped),
                evictedThrough);
    }

    public int keyId() {
        return keyId;
    }

    /** The iteration the next message will use (ours) or the lowest not yet derived (theirs). */
    public int iteration() {
        return chainKey.index();
    }

    /** Raw 32-byte public signing key. */
    public byte[] signingPublic() {
        return signingPublic.clone();
    }

    /** Present for our own sender keys only. */
    public Optional<byte[]> signingPrivate() {
        return Optional.ofNullable(signingPrivate).map(byte[]::clone);
    }

    boolean sameKey(byte[] otherSigningPublic) {
        return Arrays.equals(signingPublic, otherSigningPublic);
    }

    /** The seed of {@code iteration}, consuming it; keeps skipped seeds within the window. */
    byte[] consumeSeed(int iteration) {
        int next = chainKey.index();
        if (iteration < next) {
            byte[] seed = skipped.remove(iteration);
            if (seed != null) {
                return seed;
            }
            if (iteration <= evictedThrough) {
                throw new MessageWindowException("iteration " + iteration + " is older than the kept sender keys");
            }
            throw new DuplicateMessageException("sender key iteration " + iteration + " was already used");
        }
        if ((long) iteration - next > SessionLimits.MAX_FORWARD_JUMP) {
            throw new MessageWindowException("iteration " + iteration + " is more than "
                    + SessionLimits.MAX_FORWARD_JUMP + " ahead of " + next);
        }
        ChainKey key = chainKey;
        while (key.index() < iteration) {
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
