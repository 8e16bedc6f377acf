package io.tryx.protocol.bench;

import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Signal costs that matter for a bridge: key generation, session setup (bundle to first pkmsg, and the
 * responder's pkmsg decrypt), 1:1 encrypt/decrypt of a 256-byte message and sender-key encrypt/decrypt.
 * Decrypt benchmarks replay a pre-encrypted batch against a restored receiver record per invocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignalBenchmark {

    private static final int BATCH = 64;

    /** Two parties with an established session and sender key, and pre-encrypted batches. */
    @State(Scope.Thread)
    public static class Parties {
        final SecureRandom random = new SecureRandom();
        final byte[] plaintext = new byte[256];
        TestParty alice;
        TestParty bob;
        PreKeyBundle bobBundle;
        PreKeyRecord bobPreKey;
        IdentityKeyPair identity;
        SessionRecord bobSnapshot;
        List<Ciphertext> batch;
        SenderKeyName group;
        SenderKeyRecord memberSnapshot;
        List<byte[]> groupBatch;

        @Setup(Level.Trial)
        public void setUp() {
            random.nextBytes(plaintext);
            identity = IdentityKeyPair.generate(random);
            alice = new TestParty("alice", random);
            bob = new TestParty("bob", random);
            SignedPreKeyRecord signed = KeyHelper.generateSignedPreKey(bob.store.localIdentity(), 1, 0L, random);
            bob.store.storeSignedPreKey(signed);
            bobPreKey = KeyHelper.generatePreKeys(1, 1, random).getFirst();
            bob.store.storePreKey(bobPreKey);
            bobBundle = new PreKeyBundle(bob.store.localRegistrationId(), 1, OptionalInt.of(1), bobPreKey.keyPair().publicKey(),
                    1, signed.keyPair().publicKey(), signed.signature(), bob.store.localIdentity().publicKey());

            alice.builder.processBundle(alice.store, bob.address, bobBundle);
            bob.decrypt(alice, alice.encrypt(bob, "setup"));
            bob.store.storePreKey(bobPreKey);
            alice.decrypt(bob, bob.encrypt(alice, "ack"));
            bobSnapshot = bob.store.session(alice.address).orElseThrow();
            batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(alice.cipher.encrypt(alice.store, bob.address, plaintext));
            }

            group = new SenderKeyName("bench@g.us", alice.address);
            SenderKeyDistributionMessage skdm = alice.groupBuilder.create(alice.store, group);
            bob.groupBuilder.process(bob.store, group, skdm);
            memberSnapshot = bob.store.senderKey(group).orElseThrow();
            groupBatch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                groupBatch.add(alice.groupCipher.encrypt(alice.store, group, plaintext));
            }
        }
    }

    /** A fresh pkmsg per invocation (its one-time prekey restored), made outside the measurement. */
    @State(Scope.Thread)
    public static class Responder extends Parties {
        Ciphertext preKeyMessage;

        @Setup(Level.Invocation)
        public void freshPreKeyMessage() {
            TestParty initiator = new TestParty(alice.address, identity, random);
            initiator.builder.processBundle(initiator.store, bob.address, bobBundle);
            preKeyMessage = initiator.cipher.encrypt(initiator.store, bob.address, plaintext);
            bob.store.storePreKey(bobPreKey);
        }
    }

    /** The receiver's session and sender-key records restored before each batch is decrypted again. */
    @State(Scope.Thread)
    public static class Receiver extends Parties {
        @Setup(Level.Invocation)
        public void restore() {
            bob.store.storeSession(alice.address, bobSnapshot);
            bob.store.storeSenderKey(group, memberSnapshot);
        }
    }

    @Benchmark
    public KeyPair generateKeyPair(Parties p) {
        return Curve25519.generateKeyPair(p.random);
    }

    @Benchmark
    public SignedPreKeyRecord generateSignedPreKey(Parties p) {
        return KeyHelper.generateSignedPreKey(p.identity, 1, 0L, p.random);
    }

    @Benchmark
    public Ciphertext sessionSetupFromBundleToFirstMessage(Parties p) {
        p.alice.builder.processBundle(p.alice.store, p.bob.address, p.bobBundle);
        return p.alice.cipher.encrypt(p.alice.store, p.bob.address, p.plaintext);
    }

    @Benchmark
    public byte[] sessionSetupFromPreKeyMessage(Responder p) {
        return p.bob.cipher.decryptPreKeyMessage(p.bob.store, p.alice.address, p.preKeyMessage.serialized()).plaintext();
    }

    @Benchmark
    public Ciphertext encryptMessage(Parties p) {
        return p.bob.cipher.encrypt(p.bob.store, p.alice.address, p.plaintext);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decryptMessage(Receiver p, Blackhole blackhole) {
        for (Ciphertext message : p.batch) {
            blackhole.consume(p.bob.cipher.decryptMessage(p.bob.store, p.alice.address, message.serialized()));
        }
    }

    @Benchmark
    public byte[] senderKeyEncrypt(Parties p) {
        return p.alice.groupCipher.encrypt(p.alice.store, p.group, p.plaintext);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void senderKeyDecrypt(Receiver p, Blackhole blackhole) {
        for (byte[] message : p.groupBatch) {
            blackhole.consume(p.bob.groupCipher.decrypt(p.bob.store, p.group, message));
        }
    }
}
