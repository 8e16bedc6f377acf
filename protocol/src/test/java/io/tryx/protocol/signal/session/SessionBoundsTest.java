package io.tryx.protocol.signal.session;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.signal.TestParty;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state a peer can make us keep is bounded: receiving chains, archived states, chain length. */
class SessionBoundsTest {

    private final SecureRandom random = new SecureRandom();
    private final TestParty alice = new TestParty("alice", random);
    private final TestParty bob = new TestParty("bob", random);

    @Test
    void onlyTheNewestReceivingChainsAreKept() {
        alice.startSessionWith(bob);
        List<Ciphertext> firstOfEachChain = new ArrayList<>();
        for (int step = 0; step < SessionLimits.MAX_RECEIVER_CHAINS + 3; step++) {
            firstOfEachChain.add(alice.encrypt(bob, "held back " + step));
            Ciphertext delivered = alice.encrypt(bob, "step " + step);
            bob.decrypt(alice, delivered);
            alice.decrypt(bob, bob.encrypt(alice, "ack " + step));
        }
        SessionState state = bob.store.session(alice.address).orElseThrow().currentState().orElseThrow();
        assertThat(state.receiverChains).hasSize(SessionLimits.MAX_RECEIVER_CHAINS);

        int oldestKept = firstOfEachChain.size() - SessionLimits.MAX_RECEIVER_CHAINS;
        for (int step = oldestKept; step < firstOfEachChain.size(); step++) {
            assertThat(bob.decryptText(alice, firstOfEachChain.get(step))).isEqualTo("held back " + step);
        }
        assertThatThrownBy(() -> bob.decrypt(alice, firstOfEachChain.getFirst())).isInstanceOf(ProtocolException.class);
    }

    @Test
    void theReceivingChainWindowSurvivesReloadsAndStillEvictsTheOldest() {
        alice.startSessionWith(bob);
        List<Ciphertext> firstOfEachChain = new ArrayList<>();
        for (int step = 0; step < SessionLimits.MAX_RECEIVER_CHAINS + 1; step++) {
            firstOfEachChain.add(alice.encrypt(bob, "held back " + step));
            bob.decrypt(alice, alice.encrypt(bob, "step " + step));
            SessionRecord stored = bob.store.session(alice.address).orElseThrow();
            bob.store.storeSession(alice.address, SessionRecord.deserialize(stored.serialize()));
            alice.decrypt(bob, bob.encrypt(alice, "ack " + step));
        }
        assertThat(bob.decryptText(alice, firstOfEachChain.get(1))).isEqualTo("held back 1");
        assertThat(bob.decryptText(alice, firstOfEachChain.getLast())).isEqualTo("held back " + SessionLimits.MAX_RECEIVER_CHAINS);
        assertThatThrownBy(() -> bob.decrypt(alice, firstOfEachChain.getFirst()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason())
                        .isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void archivedStatesAreBounded() {
        for (int i = 0; i < SessionLimits.MAX_ARCHIVED_STATES + 5; i++) {
            alice.startSessionWith(bob);
            bob.decrypt(alice, alice.encrypt(bob, "session " + i));
        }
        SessionRecord record = bob.store.session(alice.address).orElseThrow();
        assertThat(record.previousStates()).hasSize(SessionLimits.MAX_ARCHIVED_STATES);
        assertThat(SessionRecord.deserialize(record.serialize()).previousStates()).hasSize(SessionLimits.MAX_ARCHIVED_STATES);
        assertThat(alice.store.session(bob.address).orElseThrow().previousStates()).hasSize(SessionLimits.MAX_ARCHIVED_STATES);
    }

    @Test
    void aChainEndsInsteadOfOverflowing() {
        ChainKey last = new ChainKey(Integer.MAX_VALUE, new byte[32]);
        assertThatThrownBy(last::next).isInstanceOf(ProtocolException.class);
    }
}
