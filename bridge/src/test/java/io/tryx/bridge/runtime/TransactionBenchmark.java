package io.tryx.bridge.runtime;

import io.tryx.bridge.app.BridgeConfig.StoreSettings;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What Kafka transactions cost the inbound path: for each store setup (the Kafka store at a given group-commit linger
 * and transaction size, or the memory store as the baseline without transactions) a bridge on its own topic prefix
 * links N accounts by QR, then mock phones (one friend per account) send each account M texts, at most
 * {@value #WINDOW} unseen at a time. A {@code read_committed} consumer times every text from just before the
 * simulator's admin call that sends it until the consumer sees its event: the figures are throughput (texts/s over
 * the whole load) and p50/p95/p99 of that latency, under load and for {@value #IDLE} texts sent one at a time
 * first (no queueing; one more before them warms up and is not counted), with the machine's load average at the
 * end of the setup (other processes share the cores). Every text must arrive exactly once. A benchmark, not a test (a smoke run of it is,
 * {@code TransactionBenchmarkTest}): run it by hand, see "Transaction benchmark" in bridge/README.md.
 *
 * <p>Usage: {@code TransactionBenchmark [accounts] [messages per account] [setups]}, setups a comma list of
 * {@code memory} and {@code <maxRecords>/<lingerMs>} (default {@value #DEFAULT_SETUPS}).
 */
public final class TransactionBenchmark {

    static final String DEFAULT_SETUPS = "memory,1/0,10/5,100/5,1000/0,1000/5,1000/20";
    static final int WINDOW = 200;
    static final int IDLE = 20;
    private static final Duration WITHIN = Duration.ofMinutes(10);
    private static final AtomicInteger PHONES = new AtomicInteger(8_000_000);

    private TransactionBenchmark() {
    }

    /** A store under test: {@code memory} or the Kafka store with its group-commit settings. */
    record Setup(String name, StoreSettings store) {
        static Setup parse(String text) {
            String value = text.trim();
            if (value.equals("memory")) {
                return new Setup("memory", new StoreSettings.InMemory());
            }
            String[] parts = value.split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a setup is memory or <maxRecords>/<lingerMs>: " + text);
            }
            StoreSettings.Kafka kafka = new StoreSettings.Kafka(Duration.ofMillis(Long.parseLong(parts[1])),
                    Integer.parseInt(parts[0]));
            return new Setup("kafka " + kafka.maxRecords() + "/" + kafka.linger().toMillis() + "ms", kafka);
        }

        static List<Setup> parseAll(String list) {
            return Arrays.stream(list.split(",")).map(Setup::parse).toList();
        }
    }

    /** One setup's figures; latencies in milliseconds. */
    record Result(Setup setup, int messages, int duplicates, double perSecond, double p50, double p95, double p99,
                  double idleP50, double idleP99, double loadAverage) {
        String row() {
            return String.format(Locale.ROOT, "| %-16s | %6d | %8.1f | %7.1f | %7.1f | %7.1f | %7.1f | %7.1f | %5.1f |",
                    setup.name(), messages, perSecond, p50, p95, p99, idleP50, idleP99, loadAverage);
        }
    }

    static String table(List<Result> results) {
        return "| setup            |  texts | texts/s  | p50 ms  | p95 ms  | p99 ms  | idle p50| idle p99| load  |\n"
                + "|------------------|--------|----------|---------|---------|---------|---------|---------|-------|\n"
                + results.stream().map(Result::row).collect(Collectors.joining("\n"));
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<Setup> setups = Setup.parseAll(args.length > 2 ? args[2] : DEFAULT_SETUPS);
        Path dir = Files.createTempDirectory("tryx-txbench-");
        List<Result> results = new ArrayList<>();
        try (KafkaTestEnvironment env = KafkaTestEnvironment.start();
             Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
            for (Setup setup : setups) {
                Result result = run(env, simulator, dir, setup, accounts, messages, IDLE);
                System.out.println(result.row());
                results.add(result);
            }
        }
        System.out.printf(Locale.ROOT, "%d accounts x %d texts, window %d, %d cores%n%s%n", accounts, messages, WINDOW,
                Runtime.getRuntime().availableProcessors(), table(results));
        System.exit(0);
    }

    /** Runs one setup on a fresh bridge (own topic prefix, own accounts) and stops it again. */
    static Result run(KafkaTestEnvironment env, Simulator simulator, Path dir, Setup setup, int accounts, int messages,
                      int idleTexts) throws InterruptedException {
        try (BridgeFixture fixture = new BridgeFixture(env, simulator,
                dir.resolve(setup.name().replaceAll("[^a-z0-9]+", "-")))) {
            fixture.store = setup.store();
            fixture.startBridge();
            List<String> accountIds = new ArrayList<>();
            List<String> friendPhones = new ArrayList<>();
            Set<String> chats = ConcurrentHashMap.newKeySet();
            for (int a = 0; a < accounts; a++) {
                String account = fixture.linkByQr("1555" + PHONES.incrementAndGet());
                String friendPhone = "1555" + PHONES.incrementAndGet();
                String friend = fixture.admin.createAccount(friendPhone, "Friend " + friendPhone);
                accountIds.add(account);
                friendPhones.add(friendPhone);
                chats.add(account + "|" + friend);
            }
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, Long> seenAt = new ConcurrentHashMap<>();
            AtomicInteger duplicates = new AtomicInteger();
            Semaphore window = new Semaphore(WINDOW);
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = Thread.ofPlatform().name("txbench-reader").daemon().start(() ->
                    read(fixture, chats, seenAt, duplicates, window, stop));
            try {
                Set<String> idle = ConcurrentHashMap.newKeySet();
                Set<String> warmUp = ConcurrentHashMap.newKeySet();
                for (int i = 0; i <= idleTexts; i++) { // the first one warms up (sessions, caches) and is not counted
                    window.acquire();
                    long begin = System.nanoTime();
                    String id = fixture.admin.sendText(friendPhones.getFirst(), accountIds.getFirst(), "idle " + i);
                    sentAt.put(id, begin);
                    (i == 0 ? warmUp : idle).add(id);
                    await().atMost(WITHIN).pollInterval(Duration.ofMillis(1)).until(() -> seenAt.containsKey(id));
                }
                int expected = 1 + idleTexts + accounts * messages;
                AtomicLong begin = new AtomicLong(System.nanoTime());
                List<Thread> senders = new ArrayList<>();
                for (int a = 0; a < accounts; a++) {
                    String phone = friendPhones.get(a);
                    String account = accountIds.get(a);
                    senders.add(Thread.ofVirtual().start(() -> {
                        for (int i = 0; i < messages; i++) {
                            window.acquireUninterruptibly();
                            long at = System.nanoTime();
                            sentAt.put(fixture.admin.sendText(phone, account, phone + " #" + i), at);
                        }
                    }));
                }
                for (Thread sender : senders) {
                    sender.join(WITHIN);
                }
                await().atMost(WITHIN).pollInterval(Duration.ofMillis(5))
                        .until(() -> seenAt.size() >= expected && seenAt.keySet().containsAll(sentAt.keySet()));
                long end = seenAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                double[] load = latencies(sentAt, seenAt, id -> !idle.contains(id) && !warmUp.contains(id));
                double[] quiet = latencies(sentAt, seenAt, idle::contains);
                return new Result(setup, accounts * messages, duplicates.get(),
                        accounts * messages / ((end - begin.get()) / 1e9), percentile(load, 50), percentile(load, 95),
                        percentile(load, 99), percentile(quiet, 50), percentile(quiet, 99),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            } finally {
                stop.set(true);
                reader.join(Duration.ofSeconds(10));
            }
        }
    }

    /** The read_committed consumer: first sight of each text's id, a window permit back for each. */
    private static void read(BridgeFixture fixture, Set<String> chats, Map<String, Long> seenAt, AtomicInteger duplicates,
                             Semaphore window, AtomicBoolean stop) {
        String topic = fixture.topics.events(EventFamily.MESSAGES);
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.env.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new StringDeserializer(), new AvroDeserializer<>(fixture.registry, AvroReadMode.generic()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofMillis(20))) {
                    if (!chats.contains(record.key())) {
                        continue;
                    }
                    long now = System.nanoTime();
                    String id = ((GenericRecord) record.value().get("key")).get("id").toString();
                    if (seenAt.putIfAbsent(id, now) == null) {
                        window.release();
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
            }
        }
    }

    private static double[] latencies(Map<String, Long> sentAt, Map<String, Long> seenAt,
                                      java.util.function.Predicate<String> which) {
        return sentAt.entrySet().stream().filter(e -> which.test(e.getKey()))
                .mapToDouble(e -> (seenAt.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
