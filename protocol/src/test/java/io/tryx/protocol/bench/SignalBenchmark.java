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
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignalBenchmark {

    private static final int BATCH = 64;
    private final SecureRandom random = new SecureRandom();
    private final byte[] plaintext = new byte[256];

    private TestParty alice;
    private TestParty bob;
    private PreKeyBundle bobBundle;
    private PreKeyRecord bobPreKey;
    private IdentityKeyPair identity;
    private SessionRecord bobSnapshot;
    private List<Ciphertext> batch;
    private SenderKeyName group;
    private SenderKeyRecord memberSnapshot;
    private List<byte[]> groupBatch;

    @Setup(Level.Trial)
    public void parties() {
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

    /** A fresh pkmsg per invocation (its one-time prekey restored), made outside the measurement. */
    @State(Scope.Thread)
    public static class Responder {
        Ciphertext preKeyMessage;

        @Setup(Level.Invocation)
        public void freshPreKeyMessage(SignalBenchmark bench) {
            TestParty initiator = new TestParty(bench.alice.address, bench.identity, bench.random);
            initiator.builder.processBundle(initiator.store, bench.bob.address, bench.bobBundle);
            preKeyMessage = initiator.cipher.encrypt(initiator.store, bench.bob.address, bench.plaintext);
            bench.bob.store.storePreKey(bench.bobPreKey);
        }
    }

    /** The receiver's session and sender-key records restored before each batch is decrypted again. */
    @State(Scope.Thread)
    public static class Receiver {
        @Setup(Level.Invocation)
        public void restore(SignalBenchmark bench) {
            bench.bob.store.storeSession(bench.alice.address, bench.bobSnapshot);
            bench.bob.store.storeSenderKey(bench.group, bench.memberSnapshot);
        }
    }

    @Benchmark
    public KeyPair generateKeyPair() {
        return Curve25519.generateKeyPair(random);
    }

    @Benchmark
    public SignedPreKeyRecord generateSignedPreKey() {
        return KeyHelper.generateSignedPreKey(identity, 1, 0L, random);
    }

    @Benchmark
    public Ciphertext sessionSetupFromBundleToFirstMessage() {
        alice.builder.processBundle(alice.store, bob.address, bobBundle);
        return alice.cipher.encrypt(alice.store, bob.address, plaintext);
    }

    @Benchmark
    public byte[] sessionSetupFromPreKeyMessage(Responder responder) {
        return bob.cipher.decryptPreKeyMessage(bob.store, alice.address, responder.preKeyMessage.serialized()).plaintext();
    }

    @Benchmark
    public Ciphertext encryptMessage() {
        return bob.cipher.encrypt(bob.store, alice.address, plaintext);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decryptMessage(Receiver receiver, Blackhole blackhole) {
        for (Ciphertext message : batch) {
            blackhole.consume(bob.cipher.decryptMessage(bob.store, alice.address, message.serialized()));
        }
    }

    @Benchmark
    public byte[] senderKeyEncrypt() {
        return alice.groupCipher.encrypt(alice.store, group, plaintext);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void senderKeyDecrypt(Receiver receiver, Blackhole blackhole) {
        for (byte[] message : groupBatch) {
            blackhole.consume(bob.groupCipher.decrypt(bob.store, group, message));
        }
    }
}
