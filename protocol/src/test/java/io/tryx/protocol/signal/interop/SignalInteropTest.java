package io.tryx.protocol.signal.interop;

import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.IdentityStatus;
import io.tryx.protocol.signal.MessageWindowException;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.session.Decrypted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our 1:1 sessions against libsignal@6 (the library Baileys uses): X3DH both ways from prekey bundles,
 * over a thousand messages each way with random reordering inside the skip window, replays, the window
 * bound, and a peer that reinstalls with a new identity.
 */
class SignalInteropTest {

    private static final String JAVA = "java.1";
    private static SignalNodePeer node;
    private final SecureRandom secureRandom = new SecureRandom();
    private final Random random = new Random(20261124);
    private final TestParty java = new TestParty("java", secureRandom);

    @BeforeAll
    static void startNode() {
        node = new SignalNodePeer();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void javaStartsFromLibsignalsBundleAndThousandsOfReorderedMessagesFlowBothWays() {
        IdentityKey alice = node.party("alice");
        SignalAddress address = new SignalAddress("alice", 1);
        assertThat(java.builder.processBundle(java.store, address, node.bundle("alice")))
                .isEqualTo(new IdentityStatus.FirstSeen(alice));
        List<byte[]> opening = plaintexts(3);
        List<Ciphertext> pkmsgs = encryptAll(address, opening);
        assertThat(pkmsgs).allMatch(c -> c.type().equals("pkmsg"));
        assertThat(node.decrypt("alice", JAVA, pkmsgs)).containsExactlyElementsOf(opening);

        converse("alice", address, 11, 100);
    }

    @Test
    void libsignalStartsFromJavasBundleAndThousandsOfReorderedMessagesFlowBothWays() {
        IdentityKey bob = node.party("bob");
        SignalAddress address = new SignalAddress("bob", 1);
        node.processBundle("bob", JAVA, java.bundle());
        List<byte[]> opening = plaintexts(3);
        List<Ciphertext> pkmsgs = node.encrypt("bob", JAVA, opening);
        assertThat(pkmsgs).allMatch(c -> c.type().equals("pkmsg"));
        Collections.reverse(pkmsgs);
        Collections.reverse(opening);
        List<Decrypted> decrypted = pkmsgs.stream().map(m -> java.cipher.decrypt(java.store, address, m.type(), m.serialized())).toList();
        assertThat(decrypted).extracting(Decrypted::plaintext).containsExactlyElementsOf(opening);
        assertThat(decrypted.getFirst().identity()).isEqualTo(new IdentityStatus.FirstSeen(bob));
        assertThat(decrypted.getLast().identity()).isEqualTo(new IdentityStatus.Unchanged(bob));

        converse("bob", address, 11, 100);
    }

    @Test
    void replayedMessagesAreRejectedOnBothSides() {
        node.party("carol");
        SignalAddress address = new SignalAddress("carol", 1);
        node.processBundle("carol", JAVA, java.bundle());
        Ciphertext fromNode = node.encrypt("carol", JAVA, plaintexts(1)).getFirst();
        java.cipher.decrypt(java.store, address, fromNode.type(), fromNode.serialized());
        assertThatThrownBy(() -> java.cipher.decrypt(java.store, address, fromNode.type(), fromNode.serialized()))
                .isInstanceOf(DuplicateMessageException.class);

        List<Ciphertext> fromJava = encryptAll(address, plaintexts(2));
        assertThat(node.decrypt("carol", JAVA, fromJava)).doesNotContainNull();
        assertThat(node.decrypt("carol", JAVA, fromJava)).containsOnlyNulls();

        Ciphertext second = node.encrypt("carol", JAVA, plaintexts(1)).getFirst();
        java.cipher.decrypt(java.store, address, second.type(), second.serialized());
        assertThatThrownBy(() -> java.cipher.decrypt(java.store, address, second.type(), second.serialized()))
                .isInstanceOf(DuplicateMessageException.class);
    }

    @Test
    void aMessageBeyondTheWindowIsRejectedWithATypedError() {
        node.party("dave");
        SignalAddress address = new SignalAddress("dave", 1);
        node.processBundle("dave", JAVA, java.bundle());
        List<Ciphertext> first = node.encrypt("dave", JAVA, plaintexts(1));
        java.cipher.decrypt(java.store, address, first.getFirst().type(), first.getFirst().serialized());
        node.decrypt("dave", JAVA, encryptAll(address, plaintexts(1)));

        List<byte[]> burst = plaintexts(2003);
        List<Ciphertext> sent = node.encrypt("dave", JAVA, burst);
        Ciphertext beyond = sent.getLast();
        assertThatThrownBy(() -> java.cipher.decrypt(java.store, address, beyond.type(), beyond.serialized()))
                .isInstanceOf(MessageWindowException.class);
        Ciphertext inside = sent.get(1999);
        assertThat(java.cipher.decrypt(java.store, address, inside.type(), inside.serialized()).plaintext())
                .isEqualTo(burst.get(1999));
        assertThat(java.cipher.decrypt(java.store, address, beyond.type(), beyond.serialized()).plaintext())
                .isEqualTo(burst.getLast());
        assertThat(java.cipher.decrypt(java.store, address, sent.get(7).type(), sent.get(7).serialized()).plaintext())
                .isEqualTo(burst.get(7));

        List<Ciphertext> ours = encryptAll(address, plaintexts(2003));
        assertThat(node.decrypt("dave", JAVA, List.of(ours.getLast()))).containsOnlyNulls();
    }

    @Test
    void aPeerThatReinstallsWithANewIdentityIsANewSessionAndTheChangeIsSurfaced() {
        IdentityKey before = node.party("erin");
        SignalAddress address = new SignalAddress("erin", 1);
        node.processBundle("erin", JAVA, java.bundle());
        List<byte[]> early = plaintexts(4);
        List<Ciphertext> sentBefore = node.encrypt("erin", JAVA, early);
        java.cipher.decrypt(java.store, address, sentBefore.getFirst().type(), sentBefore.getFirst().serialized());
        assertThat(node.decrypt("erin", JAVA, encryptAll(address, plaintexts(2)))).doesNotContainNull();
        List<byte[]> lateText = plaintexts(5);
        List<Ciphertext> late = node.encrypt("erin", JAVA, lateText);

        IdentityKey after = node.party("erin");
        node.processBundle("erin", JAVA, java.bundle());
        List<byte[]> fresh = plaintexts(2);
        List<Ciphertext> pkmsgs = node.encrypt("erin", JAVA, fresh);
        Decrypted first = java.cipher.decrypt(java.store, address, pkmsgs.getFirst().type(), pkmsgs.getFirst().serialized());
        assertThat(first.plaintext()).isEqualTo(fresh.getFirst());
        assertThat(first.identity()).isEqualTo(new IdentityStatus.Changed(before, after));
        assertThat(java.store.identity(address)).contains(after);

        for (int i = late.size() - 1; i >= 0; i--) {
            Decrypted old = java.cipher.decrypt(java.store, address, late.get(i).type(), late.get(i).serialized());
            assertThat(old.plaintext()).isEqualTo(lateText.get(i));
            assertThat(old.identity()).isEqualTo(new IdentityStatus.Changed(after, before));
        }
        assertThat(java.store.identity(address)).contains(after);
        assertThat(java.cipher.decrypt(java.store, address, pkmsgs.getLast().type(), pkmsgs.getLast().serialized())
                .identity()).isEqualTo(new IdentityStatus.Unchanged(after));
        converse("erin", address, 2, 50);
    }

    @Test
    void sessionsWithoutAOneTimePreKeyInteroperateBothWays() {
        node.party("frank");
        SignalAddress address = new SignalAddress("frank", 1);
        PreKeyBundle full = node.bundle("frank");
        java.builder.processBundle(java.store, address, new PreKeyBundle(full.registrationId(), 1, OptionalInt.empty(), null,
                full.signedPreKeyId(), full.signedPreKeyPublic(), full.signedPreKeySignature(), full.identityKey()));
        List<byte[]> opening = plaintexts(2);
        assertThat(node.decrypt("frank", JAVA, encryptAll(address, opening))).containsExactlyElementsOf(opening);
        converse("frank", address, 1, 20);

        node.party("grace");
        SignalAddress graceAddress = new SignalAddress("grace", 1);
        node.processBundle("grace", JAVA, java.bundle(false));
        List<byte[]> theirs = plaintexts(2);
        List<Ciphertext> pkmsgs = node.encrypt("grace", JAVA, theirs);
        for (int i = 0; i < pkmsgs.size(); i++) {
            assertThat(java.cipher.decrypt(java.store, graceAddress, pkmsgs.get(i).type(), pkmsgs.get(i).serialized())
                    .plaintext()).isEqualTo(theirs.get(i));
        }
        converse("grace", graceAddress, 1, 20);
    }

    /**
     * Both sides start a session at once. Each side's pkmsgs decrypt on the other and the first replies
     * (each on the session the sender now considers current) decrypt too. Beyond that libsignal-node
     * cannot go: a failed decrypt attempt on its other session ratchets that session anyway and stores it,
     * so its later messages on it are undecryptable for any peer (we never change a session on a failed
     * attempt; the two-party property test covers simultaneous setups between two Java parties).
     */
    @Test
    void simultaneousSessionSetupsDecryptOnBothSides() {
        node.party("henry");
        SignalAddress address = new SignalAddress("henry", 1);
        java.builder.processBundle(java.store, address, node.bundle("henry"));
        node.processBundle("henry", JAVA, java.bundle());
        List<byte[]> ours = plaintexts(2);
        List<Ciphertext> ourPkmsgs = encryptAll(address, ours);
        List<byte[]> theirs = plaintexts(2);
        List<Ciphertext> theirPkmsgs = node.encrypt("henry", JAVA, theirs);

        for (int i = 0; i < theirPkmsgs.size(); i++) {
            Ciphertext m = theirPkmsgs.get(i);
            assertThat(java.cipher.decrypt(java.store, address, m.type(), m.serialized()).plaintext()).isEqualTo(theirs.get(i));
        }
        assertThat(node.decrypt("henry", JAVA, ourPkmsgs)).containsExactlyElementsOf(ours);

        List<byte[]> theirReplies = plaintexts(3);
        List<Ciphertext> fromNode = node.encrypt("henry", JAVA, theirReplies);
        for (int i = fromNode.size() - 1; i >= 0; i--) {
            Ciphertext m = fromNode.get(i);
            assertThat(java.cipher.decrypt(java.store, address, m.type(), m.serialized()).plaintext())
                    .isEqualTo(theirReplies.get(i));
        }
        List<byte[]> ourReplies = plaintexts(3);
        assertThat(node.decrypt("henry", JAVA, encryptAll(address, ourReplies))).containsExactlyElementsOf(ourReplies);
    }

    /** Rounds of {@code perRound} messages each way, every batch shuffled before delivery. */
    private void converse(String party, SignalAddress address, int rounds, int perRound) {
        for (int round = 0; round < rounds; round++) {
            List<byte[]> ours = plaintexts(perRound);
            List<Ciphertext> sent = encryptAll(address, ours);
            List<Integer> order = shuffledIndexes(perRound);
            List<byte[]> received = node.decrypt(party, JAVA, order.stream().map(sent::get).toList());
            for (int i = 0; i < perRound; i++) {
                assertThat(received.get(i)).as("node got message %d of round %d", order.get(i), round)
                        .isEqualTo(ours.get(order.get(i)));
            }
            List<byte[]> theirs = plaintexts(perRound);
            List<Ciphertext> incoming = node.encrypt(party, JAVA, theirs);
            for (int i : shuffledIndexes(perRound)) {
                Ciphertext m = incoming.get(i);
                assertThat(java.cipher.decrypt(java.store, address, m.type(), m.serialized()).plaintext())
                        .as("java got message %d of round %d", i, round).isEqualTo(theirs.get(i));
            }
        }
    }

    private List<Ciphertext> encryptAll(SignalAddress to, List<byte[]> plaintexts) {
        return plaintexts.stream().map(p -> java.cipher.encrypt(java.store, to, p)).toList();
    }

    private List<Integer> shuffledIndexes(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    private List<byte[]> plaintexts(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] p = new byte[random.nextInt(120)];
            random.nextBytes(p);
            out.add(p);
        }
        return out;
    }
}
