package io.tryx.protocol.signal.session;

import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.signal.IdentityKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One Double Ratchet session with a device: identities, root key, our sending ratchet and chain, the
 * receiving chains, and the pending X3DH parameters until the peer answers. Mutable for speed; the cipher
 * copies a state before changing it so a failed decrypt leaves the stored one untouched.
 */
public final class SessionState {

    final IdentityKey localIdentity;
    final IdentityKey remoteIdentity;
    final byte[] baseKey;
    final int localRegistrationId;
    final int remoteRegistrationId;
    byte[] rootKey;
    KeyPair senderRatchet;
    ChainKey senderChain;
    int previousCounter;
    final List<ReceiverChain> receiverChains;
    PendingPreKey pendingPreKey;

    SessionState(IdentityKey localIdentity, IdentityKey remoteIdentity, byte[] baseKey, int localRegistrationId,
                 int remoteRegistrationId, byte[] rootKey, KeyPair senderRatchet, ChainKey senderChain,
                 int previousCounter, List<ReceiverChain> receiverChains, PendingPreKey pendingPreKey) {
        this.localIdentity = localIdentity;
        this.remoteIdentity = remoteIdentity;
        this.baseKey = baseKey.clone();
        this.localRegistrationId = localRegistrationId;
        this.remoteRegistrationId = remoteRegistrationId;
        this.rootKey = rootKey.clone();
        this.senderRatchet = senderRatchet;
        this.senderChain = senderChain;
        this.previousCounter = previousCounter;
        this.receiverChains = receiverChains;
        this.pendingPreKey = pendingPreKey;
    }

    /** A deep copy that can be changed independently. */
    SessionState copy() {
        List<ReceiverChain> chains = new ArrayList<>(receiverChains.size());
        receiverChains.forEach(c -> chains.add(c.copy()));
        return new SessionState(localIdentity, remoteIdentity, baseKey, localRegistrationId, remoteRegistrationId,
                rootKey, senderRatchet, senderChain, previousCounter, chains, pendingPreKey);
    }

    ReceiverChain receiverChain(byte[] ratchetKey) {
        for (ReceiverChain chain : receiverChains) {
            if (chain.hasRatchetKey(ratchetKey)) {
                return chain;
            }
        }
        return null;
    }

    void addReceiverChain(ReceiverChain chain) {
        receiverChains.add(chain);
        while (receiverChains.size() > SessionLimits.MAX_RECEIVER_CHAINS) {
            receiverChains.removeFirst();
        }
    }

    boolean hasBaseKey(byte[] key) {
        return Arrays.equals(baseKey, key);
    }

    /** The peer's identity key this session was set up with. */
    public IdentityKey remoteIdentity() {
        return remoteIdentity;
    }

    /** Our identity key this session was set up with. */
    public IdentityKey localIdentity() {
        return localIdentity;
    }

    /** The peer's registration id (from its bundle or pkmsg). */
    public int remoteRegistrationId() {
        return remoteRegistrationId;
    }

    /** The initiator's base key (raw 32 bytes): the session's name on both sides. */
    public byte[] baseKey() {
        return baseKey.clone();
    }

    /** Present until the peer has answered; our messages are pkmsgs while it is. */
    public Optional<PendingPreKey> pendingPreKey() {
        return Optional.ofNullable(pendingPreKey);
    }
}
