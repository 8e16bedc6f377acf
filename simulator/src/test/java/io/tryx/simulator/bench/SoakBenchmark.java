package io.tryx.simulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientRuntime;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.sql.StoreBackends;
import io.tryx.protocol.transport.TransportConfig;
import io.tryx.simulator.AdminClient;

import java.time.Duration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Soak of the simulator: N accounts (default 2,000), each with one companion device of ours linked by QR through
 * the admin API and all connected at once, then M 1:1 texts (default 100,000) between random pairs of them, at most
 * {@value #WINDOW} in flight. Every message must reach its receiver's listener exactly once. The simulator runs in its
 * own process with a 1 GiB heap, so finishing at all shows its memory stays bounded; the summary line gives link
 * time, messages per second, send-to-receive latency, the simulator's peak RSS and heap after GC, the connections
 * it counted, and the client's heap per account. A benchmark, not a test: run it by hand (see "Soak benchmark" in
 * simulator/README.md).
 *
 * <p>Usage: {@code SoakBenchmark <simulator jar> [accounts] [messages]}; {@code -Dsoak.phoneInboxLimit=N} passes
 * {@code --phone-inbox-limit N} to the simulator.
 */
public final class SoakBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WINDOW = 200;
    private static final int LINKING = 16;

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "simulator/target/tryx-simulator.jar");
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String phoneLimit = System.getProperty("soak.phoneInboxLimit",
                Integer.toString(io.tryx.simulator.SimulatorConfig.DEFAULT_PHONE_INBOX_LIMIT));
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "--phone-inbox-limit", phoneLimit)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            JsonNode ready = JSON.readTree(new BufferedReader(new InputStreamReader(simulator.getInputStream(),
                    StandardCharsets.UTF_8)).readLine());
            new SoakBenchmark().run(ready, new ChildProcessProbe(simulator.pid()), accounts, messages);
        } finally {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void run(JsonNode ready, ChildProcessProbe probe, int accounts, int messages) throws Exception {
        AdminClient admin = new AdminClient(ready.path("admin").asText());
        SoakTally tally = new SoakTally(messages, WINDOW);
        Path dir = Files.createTempDirectory(storeParent(), "tryx-soak-bench");
        try (StoreBackend stores = StoreBackends.sqlite(dir.resolve("accounts.db"));
             ClientRuntime runtime = new ClientRuntime(ClientRuntime.Settings.of(TransportConfig.builder()
                     .uri(ready.path("ws").asText()).trustedRoot(Base64.getDecoder().decode(ready.path("rootPublicKey").asText()))
                     .build()), Clock.systemUTC())) {
            long baseline = usedHeapAfterGc();
            long started = System.nanoTime();
            WhatsAppClient[] clients = new WhatsAppClient[accounts];
            Jid[] users = new Jid[accounts];
            CountDownLatch setUp = new CountDownLatch(accounts);
            Semaphore linking = new Semaphore(LINKING);
            for (int i = 0; i < accounts; i++) {
                String phone = String.format("1888%07d", i);
                users[i] = Jid.user(phone, "s.whatsapp.net");
                admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "Soak " + i));
                linking.acquire();
                clients[i] = link(runtime, stores, admin, phone, linking, setUp, tally);
            }
            awaitOrFail(setUp, 20, "accounts did not finish linking");
            double linkSeconds = (System.nanoTime() - started) / 1e9;
            long clientHeap = usedHeapAfterGc() - baseline;
            int connectionsLinked = admin.get("/admin/stats").body().path("connections").asInt();
            System.err.printf("linked %d accounts in %.1f s; simulator connections %d%n", accounts, linkSeconds,
                    connectionsLinked);

            AtomicInteger peakConnections = new AtomicInteger(connectionsLinked);
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread poller = Thread.ofVirtual().start(() -> pollConnections(admin, peakConnections, sending));
            long sendStarted = System.nanoTime();
            SplittableRandom random = new SplittableRandom(4);
            for (int seq = 0; seq < messages; seq++) {
                int from = random.nextInt(accounts);
                int to = random.nextInt(accounts - 1);
                to = to >= from ? to + 1 : to;
                tally.beforeSend(seq);
                clients[from].sendText(users[to], SoakTally.PREFIX + seq).whenComplete((result, failure) -> {
                    if (failure != null) {
                        tally.sendFailed();
                    }
                });
            }
            awaitArrivals(tally, messages, sendStarted);
            double sendSeconds = (System.nanoTime() - sendStarted) / 1e9;
            sending.set(false);
            poller.join();
            long simulatorHeap = probe.heapAfterGcKib();
            System.out.printf("soak: accounts=%d linked in %.1f s; messages=%d received=%d duplicates=%d undecryptable=%d "
                            + "sendFailures=%d in %.1f s = %.0f msg/s; latency p50 %.1f ms p99 %.1f ms; simulator peak RSS "
                            + "%.0f MiB (-Xmx1g), heap after GC %.0f MiB, connections %d (peak %d); client heap per account "
                            + "%.1f KiB%n",
                    accounts, linkSeconds, messages, tally.received(), tally.duplicates(), tally.undecryptableCount(),
                    tally.sendFailures(), sendSeconds, tally.received() / sendSeconds, tally.latencyMillis(0.5),
                    tally.latencyMillis(0.99), probe.peakRssKib() / 1024.0, simulatorHeap / 1024.0, connectionsLinked,
                    peakConnections.get(), clientHeap / 1024.0 / accounts);
            for (WhatsAppClient client : clients) {
                client.close();
            }
        }
    }

    /** Starts one account's companion and scans its QR through the admin API; releases a linking permit once greeted. */
    private static WhatsAppClient link(ClientRuntime runtime, StoreBackend stores, AdminClient admin, String phone,
                                       Semaphore linking, CountDownLatch setUp, SoakTally tally) {
        AtomicBoolean scanned = new AtomicBoolean();
        AtomicBoolean ready = new AtomicBoolean();
        CountDownLatch greeted = new CountDownLatch(1);
        WhatsAppClient client = runtime.newClient(stores.open(phone));
        client.addListener(event -> {
            if (event instanceof ClientEvent.QrCode qr && scanned.compareAndSet(false, true)) {
                Thread.ofVirtual().start(() -> admin.post("/admin/accounts/" + phone + "/scan-qr", Map.of("qr", qr.qr())));
            } else if (event instanceof ClientEvent.PreKeysUploaded) {
                greeted.countDown();
            }
        });
        client.addMessageListener(event -> {
            switch (event) {
                case MessageEvent.MessageReceived received -> {
                    if (ready.compareAndSet(false, true)) {
                        setUp.countDown(); // the phone's first message (key share or history): the account is set up
                    }
                    tally.arrived(received.text());
                }
                case MessageEvent.UndecryptableMessage ignored -> tally.undecryptable();
                default -> {
                }
            }
        });
        client.start();
        Thread.ofVirtual().start(() -> {
            try {
                greeted.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                linking.release();
            }
        });
        return client;
    }

    /** Waits until every sent message arrived, printing progress; gives up after two minutes without progress. */
    private static void awaitArrivals(SoakTally tally, int messages, long sendStarted) {
        long[] last = {-1, System.nanoTime()};
        org.awaitility.Awaitility.await().forever().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long now = System.nanoTime();
            long received = tally.received();
            if (received != last[0]) {
                last[0] = received;
                last[1] = now;
            } else if (now - last[1] > TimeUnit.MINUTES.toNanos(2)) {
                System.err.printf("no progress for 2 minutes: %d of %d arrived%n", received, messages);
                return true;
            }
            System.err.printf("%.0f s: %d of %d arrived%n", (now - sendStarted) / 1e9, received, messages);
            return tally.received() + tally.sendFailures() >= messages;
        });
    }

    /** Samples the simulator's connection count every second while {@code sending}. */
    private static void pollConnections(AdminClient admin, AtomicInteger peak, AtomicBoolean sending) {
        org.awaitility.Awaitility.await().forever().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
            peak.accumulateAndGet(admin.get("/admin/stats").body().path("connections").asInt(), Math::max);
            return !sending.get();
        });
    }

    private static void awaitOrFail(CountDownLatch latch, int minutes, String what) throws InterruptedException {
        if (!latch.await(minutes, TimeUnit.MINUTES)) {
            throw new IllegalStateException(latch.getCount() + " " + what);
        }
    }

    /**
     * Where the client's SQLite file goes: {@code -Dsoak.storeDir}, else {@code /dev/shm} when present. The store
     * syncs every commit to disk, which on a shared disk would measure the disk rather than the simulator.
     */
    private static Path storeParent() {
        String configured = System.getProperty("soak.storeDir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Explicit GCs are full, stop-the-world collections (G1 without ExplicitGCInvokesConcurrent). */
    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
