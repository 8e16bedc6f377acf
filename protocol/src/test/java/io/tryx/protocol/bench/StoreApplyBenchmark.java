package io.tryx.protocol.bench;

import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.StateChange;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.sql.EmbeddedPostgresServer;
import io.tryx.protocol.store.sql.StoreBackends;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The store write of one received message: its session after the ratchet step and its buffered plaintext,
 * applied as one transaction, on SQLite (WAL, full sync) and on an embedded PostgreSQL server with
 * {@code synchronous_commit=on}. {@link #main} prints a rough figure without JMH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class StoreApplyBenchmark {

    @Param({"sqlite", "postgresql"})
    public String dialect;

    private final SecureRandom random = new SecureRandom();
    private final byte[] plaintext = new byte[200];
    private EmbeddedPostgresServer server;
    private Path folder;
    private StoreBackend backend;
    private AccountStore store;
    private TestParty peer;
    private SessionRecord session;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        random.nextBytes(plaintext);
        if (dialect.equals("sqlite")) {
            folder = Files.createTempDirectory("tryx-bench");
            backend = StoreBackends.sqlite(folder.resolve("bench.db"));
        } else {
            server = EmbeddedPostgresServer.start(true);
            backend = StoreBackends.postgres(server.createDatabase(), EmbeddedPostgresServer.USER, "", 4);
        }
        store = backend.open("bench");
        store.save(DeviceCredentials.generate(random, 0L));
        TestParty us = new TestParty("us", random);
        peer = new TestParty("peer", random);
        peer.startSessionWith(us);
        us.decrypt(peer, peer.encrypt(us, "hello"));
        peer.decrypt(us, us.encrypt(peer, "hi"));
        session = us.store.session(peer.address).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        backend.close();
        if (server != null) {
            server.close();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The changes a received 1:1 message commits: the advanced session and the decrypted plaintext. */
    List<StateChange> receivedMessage(int n) {
        byte[] hash = ByteBuffer.allocate(32).putInt(n).putLong(random.nextLong()).array();
        return List.of(new StateChange.SessionStored(peer.address, session),
                new StateChange.PlaintextBuffered(new BufferedPlaintext(hash, plaintext, n, n)));
    }

    @Benchmark
    public void applyReceivedMessage() {
        store.apply(receivedMessage(next++));
    }

    /** A rough figure without JMH: mean and percentiles of 1,000 applies after 200 warm-up applies, per dialect. */
    public static void main(String[] args) throws IOException {
        for (String name : List.of("sqlite", "postgresql")) {
            StoreApplyBenchmark bench = new StoreApplyBenchmark();
            bench.dialect = name;
            bench.open();
            try {
                for (int i = 0; i < 200; i++) {
                    bench.applyReceivedMessage();
                }
                long[] micros = new long[1000];
                for (int i = 0; i < micros.length; i++) {
                    long started = System.nanoTime();
                    bench.applyReceivedMessage();
                    micros[i] = (System.nanoTime() - started) / 1000;
                }
                Arrays.sort(micros);
                System.out.printf("%s apply(session %d B + plaintext): mean %d us, p50 %d us, p99 %d us%n", name,
                        bench.session.serialize().length, (long) Arrays.stream(micros).average().orElseThrow(),
                        micros[micros.length / 2], micros[micros.length * 99 / 100]);
                if (bench.server != null) {
                    System.out.printf("postgresql started in %d ms%n", bench.server.startup().toMillis());
                }
            } finally {
                bench.close();
            }
        }
    }
}
