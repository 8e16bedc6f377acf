package io.tryx.protocol.signal.group;

import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.signal.session.ChainKey;
import io.tryx.protocol.signal.store.SenderKeyStore;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Sender-key setup: {@link #create} makes our sender key for a group (once) and returns the distribution
 * message to send to members over 1:1 sessions; {@link #process} stores a member's distribution message.
 */
public final class GroupSessionBuilder {

    private final SecureRandom random;

    public GroupSessionBuilder(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Our distribution message for the group, creating the sender key (random id, chain and signing key) if needed. */
    public SenderKeyDistributionMessage create(SenderKeyStore store, SenderKeyName ours) {
        SenderKeyRecord record = store.senderKey(ours).map(SenderKeyRecord::copy).orElseGet(SenderKeyRecord::empty);
        if (record.currentState().isEmpty() || record.currentState().get().signingPrivate == null) {
            byte[] chainKey = new byte[32];
            random.nextBytes(chainKey);
            KeyPair signing = Curve25519.generateKeyPair(random);
            record.add(new SenderKeyState(random.nextInt(Integer.MAX_VALUE), new ChainKey(0, chainKey),
                    signing.publicKey(), signing.privateKey(), new LinkedHashMap<>(), -1));
            store.storeSenderKey(ours, record);
        }
        SenderKeyState state = record.currentState().orElseThrow();
        return SenderKeyDistributionMessage.create(state.keyId, state.window.chainKey().index(), state.window.chainKey().key(),
                state.signingPublic);
    }

    /**
     * Stores a member's sender key. A redelivered distribution message (same id and signing key) changes
     * nothing, so it cannot rewind the chain and reopen used iterations; a new key id is added as the
     * newest state (at most {@value SenderKeyRecord#MAX_STATES} are kept).
     */
    public void process(SenderKeyStore store, SenderKeyName sender, SenderKeyDistributionMessage message) {
        SenderKeyRecord record = store.senderKey(sender).map(SenderKeyRecord::copy).orElseGet(SenderKeyRecord::empty);
        var existing = record.state(message.keyId());
        if (existing.isPresent() && existing.get().sameKey(message.signingKey())) {
            return;
        }
        existing.ifPresent(record.states::remove);
        record.add(new SenderKeyState(message.keyId(), new ChainKey(message.iteration(), message.chainKey()),
                message.signingKey(), null, new LinkedHashMap<>(), -1));
        store.storeSenderKey(sender, record);
    }
}
