package io.tryx.protocol.signal.session;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.IdentityStatus;
import io.tryx.protocol.signal.InvalidKeyIdException;
import io.tryx.protocol.signal.MessageWindowException;
import io.tryx.protocol.signal.NoSessionException;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.store.StagedSignalStore;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionCipherTest {

    private final SecureRandom random = new SecureRandom();
    private final TestParty alice = new TestParty("alice", random);
    private final TestParty bob = new TestParty("bob", random);

    @Test
    void firstMessagesArePreKeyMessagesUntilThePeerAnswers() {
        assertThat(alice.startSessionWith(bob)).isInstanceOf(IdentityStatus.FirstSeen.class);
        Ciphertext first = alice.encrypt(bob, "hello");
        Ciphertext second = alice.encrypt(bob, "again");
        assertThat(first.type()).isEqualTo("pkmsg");
        assertThat(second.type()).isEqualTo("pkmsg");

        Decrypted decrypted = bob.decrypt(alice, first);
        assertThat(decrypted.plaintext()).asString().isEqualTo("hello");
        assertThat(decrypted.identity()).isEqualTo(new IdentityStatus.FirstSeen(alice.store.localIdentity().publicKey()));
        assertThat(bob.decryptText(alice, second)).isEqualTo("again");

        Ciphertext reply = bob.encrypt(alice, "hi");
        assertThat(reply.type()).isEqualTo("msg");
        assertThat(alice.decryptText(bob, reply)).isEqualTo("hi");
        assertThat(alice.encrypt(bob, "now plain").type()).isEqualTo("msg");
    }

    @Test
    void longConversationWithRatchetStepsInBothDirections() {
        alice.startSessionWith(bob);
        for (int round = 0; round < 30; round++) {
            for (int i = 0; i <= round % 4; i++) {
                assertThat(bob.decryptText(alice, alice.encrypt(bob, "a" + round + "." + i))).isEqualTo("a" + round + "." + i);
            }
            for (int i = 0; i <= round % 3; i++) {
                assertThat(alice.decryptText(bob, bob.encrypt(alice, "b" + round + "." + i))).isEqualTo("b" + round + "." + i);
            }
        }
    }

    @Test
    void outOfOrderMessagesAcrossChainsDecrypt() {
        alice.startSessionWith(bob);
        bob.decrypt(alice, alice.encrypt(bob, "setup"));
        List<Ciphertext> fromBob = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int chain = 0; chain < 3; chain++) {
            for (int i = 0; i < 20; i++) {
                sent.add("m" + chain + "." + i);
                fromBob.add(bob.encrypt(alice, sent.getLast()));
            }
            bob.decrypt(alice, alice.encrypt(bob, "turn " + chain));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        for (int i : order) {
            assertThat(alice.decryptText(bob, fromBob.get(i))).isEqualTo(sent.get(i));
        }
    }

    @Test
    void aReplayedMessageIsADuplicateAndChangesNothing() {
        alice.startSessionWith(bob);
        Ciphertext first = alice.encrypt(bob, "one");
        bob.decrypt(alice, first);
        Ciphertext second = alice.encrypt(bob, "two");
        bob.decrypt(alice, second);
        byte[] before = bob.store.session(alice.address).orElseThrow().serialize();

        assertThatThrownBy(() -> bob.decrypt(alice, second)).isInstanceOf(DuplicateMessageException.class);
        assertThatThrownBy(() -> bob.decrypt(alice, first)).isInstanceOf(DuplicateMessageException.class);
        assertThat(bob.store.session(alice.address).orElseThrow().serialize()).isEqualTo(before);
    }

    @Test
    void aMessageTooFarAheadIsOutsideTheWindow() {
        alice.startSessionWith(bob);
        bob.decrypt(alice, alice.encrypt(bob, "setup"));
        alice.decrypt(bob, bob.encrypt(alice, "ack"));
        Ciphertext last = null;
        for (int i = 0; i <= SessionLimits.MAX_FORWARD_JUMP + 1; i++) {
            last = alice.encrypt(bob, "x" + i);
        }
        Ciphertext tooFar = last;
        assertThatThrownBy(() -> bob.decrypt(alice, tooFar)).isInstanceOf(MessageWindowException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.LIMIT_EXCEEDED);
    }

    @Test
    void skippedKeysBeyondTheBoundAreEvictedOldestFirst() {
        alice.startSessionWith(bob);
        bob.decrypt(alice, alice.encrypt(bob, "setup"));
        alice.decrypt(bob, bob.encrypt(alice, "ack"));
        List<Ciphertext> sent = new ArrayList<>();
        for (int i = 0; i < SessionLimits.MAX_MESSAGE_KEYS + 10; i++) {
            sent.add(alice.encrypt(bob, "y" + i));
        }
        assertThat(bob.decryptText(alice, sent.get(1999))).isEqualTo("y1999");
        assertThat(bob.decryptText(alice, sent.get(2009))).isEqualTo("y2009");
        assertThatThrownBy(() -> bob.decrypt(alice, sent.get(3))).isInstanceOf(MessageWindowException.class);
        assertThat(bob.decryptText(alice, sent.get(500))).isEqualTo("y500");
        assertThatThrownBy(() -> bob.decrypt(alice, sent.get(500))).isInstanceOf(DuplicateMessageException.class);
    }

    @Test
    void aReinstalledPeerStartsANewSessionAndOldMessagesStillDecrypt() {
        alice.startSessionWith(bob);
        Ciphertext hello = alice.encrypt(bob, "hello");
        Ciphertext latePreKeyMessage = alice.encrypt(bob, "second pkmsg");
        bob.decrypt(alice, hello);
        alice.decrypt(bob, bob.encrypt(alice, "hi"));
        Ciphertext late = alice.encrypt(bob, "sent before the reinstall");

        TestParty reinstalled = new TestParty(alice.address, IdentityKeyPair.generate(random), random);
        assertThat(reinstalled.startSessionWith(bob)).isInstanceOf(IdentityStatus.FirstSeen.class);
        Decrypted fresh = bob.decrypt(reinstalled, reinstalled.encrypt(bob, "new phone"));
        assertThat(fresh.plaintext()).asString().isEqualTo("new phone");
        assertThat(fresh.identity()).isInstanceOfSatisfying(IdentityStatus.Changed.class, changed -> {
            assertThat(changed.previous()).isEqualTo(alice.store.localIdentity().publicKey());
            assertThat(changed.identity()).isEqualTo(reinstalled.store.localIdentity().publicKey());
        });

        assertThat(bob.decryptText(alice, late)).isEqualTo("sent before the reinstall");
        Decrypted oldPreKeyMessage = bob.decrypt(alice, latePreKeyMessage);
        assertThat(oldPreKeyMessage.plaintext()).asString().isEqualTo("second pkmsg");
        assertThat(oldPreKeyMessage.identity()).isEqualTo(new IdentityStatus.Changed(
                reinstalled.store.localIdentity().publicKey(), alice.store.localIdentity().publicKey()));
        assertThat(reinstalled.decryptText(bob, bob.encrypt(reinstalled, "welcome back"))).isEqualTo("welcome back");
        assertThat(bob.store.identity(alice.address)).contains(reinstalled.store.localIdentity().publicKey());
    }

    @Test
    void aNewBundleWithAnotherIdentityIsReportedAsChanged() {
        alice.startSessionWith(bob);
        TestParty reinstalledBob = new TestParty(bob.address, IdentityKeyPair.generate(random), random);
        IdentityStatus status = alice.builder.processBundle(alice.store, bob.address, reinstalledBob.bundle());
        assertThat(status).isInstanceOf(IdentityStatus.Changed.class);
        assertThat(reinstalledBob.decryptText(alice, alice.encrypt(bob, "to the new bob"))).isEqualTo("to the new bob");
    }

    @Test
    void sessionsWorkWithoutAOneTimePreKey() {
        alice.builder.processBundle(alice.store, bob.address, bob.bundle(false));
        assertThat(bob.decryptText(alice, alice.encrypt(bob, "no opk"))).isEqualTo("no opk");
        assertThat(alice.decryptText(bob, bob.encrypt(alice, "fine"))).isEqualTo("fine");
    }

    @Test
    void theOneTimePreKeyIsConsumedOnce() {
        PreKeyBundle bundle = bob.bundle();
        alice.builder.processBundle(alice.store, bob.address, bundle);
        bob.decrypt(alice, alice.encrypt(bob, "first"));
        assertThat(bob.store.preKey(bundle.preKeyId().getAsInt())).isEmpty();

        TestParty carol = new TestParty("carol", random);
        carol.builder.processBundle(carol.store, bob.address, bundle);
        assertThatThrownBy(() -> bob.decrypt(carol, carol.encrypt(bob, "reused"))).isInstanceOf(InvalidKeyIdException.class);
    }

    @Test
    void aForgedSignedPreKeyIsRefused() {
        PreKeyBundle good = bob.bundle();
        byte[] signature = good.signedPreKeySignature();
        signature[5] ^= 1;
        PreKeyBundle forged = new PreKeyBundle(good.registrationId(), good.deviceId(), good.preKeyId(),
                good.preKeyPublic(), good.signedPreKeyId(), good.signedPreKeyPublic(), signature, good.identityKey());
        assertThatThrownBy(() -> alice.builder.processBundle(alice.store, bob.address, forged))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED);
        assertThat(alice.store.session(bob.address)).isEmpty();
    }

    @Test
    void withoutASessionEncryptAndDecryptFailTyped() {
        assertThatThrownBy(() -> alice.encrypt(bob, "x")).isInstanceOf(NoSessionException.class);
        bob.startSessionWith(alice);
        alice.startSessionWith(bob);
        Ciphertext plain = new Ciphertext.Whisper(SessionCipherTestSupport.someWhisper(bob, alice), 0);
        TestParty stranger = new TestParty("stranger", random);
        assertThatThrownBy(() -> stranger.decrypt(bob, plain)).isInstanceOf(NoSessionException.class);
    }

    @Test
    void aTamperedMessageFailsAuthenticationAndLeavesTheSession() {
        alice.startSessionWith(bob);
        bob.decrypt(alice, alice.encrypt(bob, "setup"));
        byte[] message = bob.encrypt(alice, "original").serialized();
        message[message.length - 12] ^= 0x20;
        byte[] before = alice.store.session(bob.address).orElseThrow().serialize();
        assertThatThrownBy(() -> alice.cipher.decryptMessage(alice.store, bob.address, message))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED);
        assertThat(alice.store.session(bob.address).orElseThrow().serialize()).isEqualTo(before);
    }

    @Test
    void writesOfOneOperationCommitTogetherOrNotAtAll() {
        alice.startSessionWith(bob);
        Ciphertext first = alice.encrypt(bob, "hello");
        StagedSignalStore transaction = bob.store.begin();
        Decrypted decrypted = bob.cipher.decrypt(transaction, alice.address, first.type(), first.serialized());
        assertThat(decrypted.plaintext()).asString().isEqualTo("hello");
        assertThat(transaction.pendingWrites()).isEqualTo(3);
        assertThat(bob.store.session(alice.address)).isEmpty();
        transaction.commit();
        assertThat(bob.store.session(alice.address)).isPresent();
        assertThat(bob.store.identity(alice.address)).isPresent();

        StagedSignalStore failing = bob.store.begin();
        assertThatThrownBy(() -> bob.cipher.decrypt(failing, alice.address, first.type(), first.serialized()))
                .isInstanceOf(DuplicateMessageException.class);
        assertThat(failing.pendingWrites()).isZero();
    }

    @Test
    void recordsSurviveSerializationMidConversation() {
        alice.startSessionWith(bob);
        Ciphertext pending = alice.encrypt(bob, "pending");
        alice.store.storeSession(bob.address, SessionRecord.deserialize(alice.store.session(bob.address).orElseThrow().serialize()));
        bob.decrypt(alice, pending);
        List<Ciphertext> skipped = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            skipped.add(bob.encrypt(alice, "s" + i));
        }
        alice.decrypt(bob, skipped.get(4));
        for (TestParty party : List.of(alice, bob)) {
            TestParty peer = party == alice ? bob : alice;
            byte[] bytes = party.store.session(peer.address).orElseThrow().serialize();
            SessionRecord copy = SessionRecord.deserialize(bytes);
            assertThat(copy.serialize()).isEqualTo(bytes);
            party.store.storeSession(peer.address, copy);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(alice.decryptText(bob, skipped.get(i))).isEqualTo("s" + i);
        }
        assertThat(bob.decryptText(alice, alice.encrypt(bob, "after"))).isEqualTo("after");
    }
}
