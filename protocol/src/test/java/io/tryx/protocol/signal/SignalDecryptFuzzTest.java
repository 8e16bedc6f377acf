package io.tryx.protocol.signal;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.function.Executable;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bytes into every decoding path (pkmsg, msg, skmsg, distribution message, stored session and
 * sender-key records), both random and mutated from valid inputs: the only failure allowed is a
 * {@link ProtocolException} (or one of its typed subclasses).
 */
class SignalDecryptFuzzTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Fixture FIXTURE = new Fixture();

    /** Parties with live sessions and sender keys, and valid samples of every input type. */
    private static final class Fixture {
        final TestParty alice = new TestParty("alice", RANDOM);
        final TestParty bob = new TestParty("bob", RANDOM);
        final SenderKeyName group = new SenderKeyName("g@g.us", alice.address);
        final byte[] pkmsg;
        final byte[] msg;
        final byte[] skmsg;
        final byte[] skdm;
        final byte[] sessionRecord;
        final byte[] senderKeyRecord;

        Fixture() {
            alice.startSessionWith(bob);
            Ciphertext first = alice.encrypt(bob, "hello");
            pkmsg = first.serialized();
            bob.decrypt(alice, first);
            alice.decrypt(bob, bob.encrypt(alice, "hi"));
            msg = alice.encrypt(bob, "plain").serialized();
            skdm = alice.groupBuilder.create(alice.store, group).serialized();
            bob.groupBuilder.process(bob.store, group, SenderKeyDistributionMessage.parse(skdm));
            skmsg = alice.groupCipher.encrypt(alice.store, group, new byte[]{1, 2, 3});
            for (int i = 0; i < 3; i++) {
                alice.encrypt(bob, "skip");
            }
            bob.decrypt(alice, alice.encrypt(bob, "after skips"));
            sessionRecord = bob.store.session(alice.address).orElseThrow().serialize();
            senderKeyRecord = alice.store.senderKey(group).orElseThrow().serialize();
        }

        List<Executable> paths(byte[] input) {
            return List.of(
                    () -> bob.cipher.decryptPreKeyMessage(bob.store.begin(), alice.address, input),
                    () -> bob.cipher.decryptMessage(bob.store.begin(), alice.address, input),
                    () -> bob.groupCipher.decrypt(bob.store.begin(), group, input),
                    () -> bob.groupBuilder.process(bob.store.begin(), group, SenderKeyDistributionMessage.parse(input)),
                    () -> SessionRecord.deserialize(input),
                    () -> SenderKeyRecord.deserialize(input));
        }

        List<byte[]> samples() {
            return List.of(pkmsg, msg, skmsg, skdm, sessionRecord, senderKeyRecord);
        }
    }

    @Property(tries = 400)
    void randomBytesGiveTypedErrorsOnly(@ForAll @Size(max = 600) byte[] input, @ForAll boolean versioned) {
        if (versioned && input.length > 0) {
            input[0] = 0x33;
        }
        for (Executable path : FIXTURE.paths(input)) {
            assertOnlyTypedFailures(path);
        }
    }

    @Property(tries = 400)
    void mutatedValidInputsGiveTypedErrorsOnly(@ForAll @IntRange(min = 0, max = 5) int sample,
                                               @ForAll @IntRange(min = 1, max = 6) int flips, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] input = FIXTURE.samples().get(sample).clone();
        if (random.nextInt(4) == 0) {
            input = java.util.Arrays.copyOf(input, random.nextInt(input.length + 1));
        }
        for (int i = 0; i < flips && input.length > 0; i++) {
            input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
        }
        for (Executable path : FIXTURE.paths(input)) {
            assertOnlyTypedFailures(path);
        }
    }

    private static void assertOnlyTypedFailures(Executable path) {
        try {
            path.execute();
        } catch (Throwable t) {
            assertThat(t).as("only ProtocolException may escape").isInstanceOf(ProtocolException.class);
        }
    }
}
