package io.tryx.simulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientRuntime;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.sql.StoreBackends;
import io.tryx.protocol.transport.TransportConfig;
import io.tryx.simulator.AdminClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The heap an idle, connected account costs: N accounts (default 1,000) are linked by QR against a simulator
 * running in its own process, on one {@link ClientRuntime} with a SQLite store, then left idle; the heap after
 * full GCs, minus the heap before the first account, divided by N. A benchmark, not a test: run it by hand
 * (see "Benchmarks" in the root README) and read the figures it prints.
 *
 * <p>Usage: {@code IdleAccountsBenchmark <simulator jar> [accounts]}.
 */
public final class IdleAccountsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IdleAccountsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "simulator/target/tryx-simulator.jar");
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-jar", jar.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            JsonNode ready = JSON.readTree(new BufferedReader(new InputStreamReader(simulator.getInputStream(),
                    StandardCharsets.UTF_8)).readLine());
            run(ready, accounts);
        } finally {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(JsonNode ready, int accounts) throws Exception {
        AdminClient admin = new AdminClient(ready.path("admin").asText());
        Path dir = Files.createTempDirectory("tryx-idle-bench");
        try (StoreBackend stores = StoreBackends.sqlite(dir.resolve("accounts.db"));
             ClientRuntime runtime = new ClientRuntime(ClientRuntime.Settings.of(TransportConfig.builder()
                     .uri(ready.path("ws").asText()).trustedRoot(Base64.getDecoder().decode(ready.path("rootPublicKey").asText()))
                     .build()), Clock.systemUTC())) {
            long baseline = usedHeapAfterGc();
            int threadsBefore = Thread.activeCount();
            long started = System.nanoTime();
            Semaphore linking = new Semaphore(8);
            CountDownLatch idle = new CountDownLatch(accounts);
            List<WhatsAppClient> clients = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                String phone = String.format("1777%07d", i);
                admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "Bench " + i));
                linking.acquire();
                AtomicReference<Boolean> scanned = new AtomicReference<>(false);
                CountDownLatch greeted = new CountDownLatch(1);
                WhatsAppClient client = runtime.newClient(stores.open(phone));
                client.addListener(event -> {
                    if (event instanceof ClientEvent.QrCode qr && scanned.compareAndSet(false, true)) {
                        Thread.ofVirtual().start(() -> admin.post("/admin/accounts/" + phone + "/scan-qr", Map.of("qr", qr.qr())));
                    } else if (event instanceof ClientEvent.PreKeysUploaded) {
                        greeted.countDown();
                    }
                });
                java.util.concurrent.atomic.AtomicBoolean setUp = new java.util.concurrent.atomic.AtomicBoolean();
                client.addMessageListener(event -> {
                    if (event instanceof MessageEvent.MessageReceived && setUp.compareAndSet(false, true)) {
                        // the phone's key share and history: the account is fully set up once they arrived
                        idle.countDown();
                    }
                });
                client.start();
                Thread.ofVirtual().start(() -> {
                    try {
                        greeted.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        linking.release();
                    }
                });
                clients.add(client);
            }
            if (!idle.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(idle.getCount() + " accounts did not finish linking");
            }
            double linkSeconds = (System.nanoTime() - started) / 1e9;
            long used = usedHeapAfterGc();
            long perAccount = (used - baseline) / accounts;
            System.out.printf("accounts=%d linked in %.1f s; heap baseline %.1f MiB, with accounts %.1f MiB; "
                            + "per idle account %.1f KiB; threads +%d%n", accounts, linkSeconds, baseline / 1048576.0,
                    used / 1048576.0, perAccount / 1024.0, Thread.activeCount() - threadsBefore);
            clients.forEach(WhatsAppClient::close);
        }
    }

    /** Explicit GCs are full, stop-the-world collections (G1 without ExplicitGCInvokesConcurrent). */
    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
