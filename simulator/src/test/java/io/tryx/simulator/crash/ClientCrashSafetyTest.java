package io.tryx.simulator.crash;

import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.phone.MockPhone;
import io.tryx.simulator.phone.InboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash safety of a linked device on its SQLite store: a {@link CrashClient} in a child JVM is killed with SIGKILL at
 * 3-5 random points while it receives 1,000 texts from two mock phones (or sends 300 to one) and restarted on the same
 * database file each time. Receiving, every text ends up in its handler log (forced to disk before the listener
 * returns, so before the client acknowledges it) and none is undecryptable: a message is decrypted and its plaintext
 * buffered in one commit, a redelivered ciphertext is served from that buffer, and the server sends again what was
 * not acknowledged. Sending, the Signal state is committed before each stanza leaves, so the receiving phone never
 * sees a message key twice, and every send the server acked reached the phone.
 */
class ClientCrashSafetyTest {

    private static final Duration LINKING = Duration.ofSeconds(30);
    private static final Duration PROGRESS = Duration.ofSeconds(60);
    private static final int RECEIVED = 1000;
    private static final int SENT = 300;

    @TempDir
    Path dir;

    private Simulator simulator;
    private AdminClient admin;
    private final List<ChildClient> children = new ArrayList<>();
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        System.out.println("crash safety seed " + seed);
    }

    @AfterEach
    void stop() {
        children.forEach(ChildClient::close);
        simulator.close();
    }

    @Test
    void aReceiverKilledAtRandomPointsEndsWithEveryMessageHandledOnceDecrypted() throws Exception {
        String receiver = "15550300001";
        List<String> senders = List.of("15550300002", "15550300003");
        createAccount(receiver);
        senders.forEach(this::createAccount);
        CrashLog log = new CrashLog(dir.resolve("handled.log"));
        List<String> args = List.of(simulator.chatUrl(), simulator.rootPublicKeyBase64(), dir.resolve("client.db").toString(),
                receiver, dir.resolve("handled.log").toString(), "receive");
        ChildClient child = link(receiver, args);

        // two phones, two chats: the client decrypts them on two lanes at once
        Map<String, String> sent = new ConcurrentHashMap<>();
        long sendingStarted = System.nanoTime();
        List<Thread> phones = senders.stream().map(sender -> Thread.ofVirtual().start(() -> {
            for (int i = 0; i < RECEIVED / senders.size(); i++) {
                String text = "r-" + sender + "-" + i;
                var answer = admin.post("/admin/accounts/" + sender + "/messages",
                        Map.of("to", receiver + "@s.whatsapp.net", "text", text));
                if (answer.status() != 200) {
                    throw new IllegalStateException("send refused: " + answer);
                }
                sent.put(answer.body().path("id").asText(), text);
            }
        })).toList();

        ToIntFunction<CrashLog> handled = l -> CrashLog.receivedIds(l.read()).size();
        Restarts restarts = killAndRestart(child, log, handled, RECEIVED, killPoints(1, RECEIVED - 50), args);
        await("all " + RECEIVED + " texts in the handler log").atMost(PROGRESS).pollInterval(Duration.ofMillis(20))
                .failFast("a phone stopped sending", () -> phones.stream().noneMatch(Thread::isAlive) && sent.size() < RECEIVED)
                .until(() -> handled.applyAsInt(log) >= RECEIVED);
        long done = System.nanoTime();
        for (Thread phone : phones) {
            phone.join();
        }

        List<CrashLog.Entry> entries = log.read();
        assertThat(sent).hasSize(RECEIVED);
        assertThat(entries).as("undecryptable").noneMatch(e -> e.kind() == 'U');
        assertThat(CrashLog.receivedIds(entries)).containsExactlyInAnyOrderElementsOf(sent.keySet());
        assertThat(entries).as("every handled text is the one sent under its id (re-deliveries included)")
                .allSatisfy(e -> assertThat(e.value()).isEqualTo(sent.get(e.id())));
        int redelivered = entries.size() - RECEIVED;
        System.out.printf("receive: %d texts, %d kills at %s, %d handled twice (redelivered after a kill); "
                        + "restart to first new message %s ms (process start to CONNECTED %s ms); %.0f msg/s after the "
                        + "last restart; %.1f s in all%n", RECEIVED, restarts.points().size(), restarts.points(), redelivered,
                restarts.resumedMillis(), restarts.connectedMillis(),
                (RECEIVED - restarts.countAtLastResume()) / ((done - restarts.lastResumeNanos()) / 1e9),
                (done - sendingStarted) / 1e9);
    }

    @Test
    void aSenderKilledAtRandomPointsNeverReusesAMessageKeyAndLosesNoMessage() {
        String senderAccount = "15550300011";
        String peer = "15550300012";
        createAccount(senderAccount);
        createAccount(peer);
        CrashLog log = new CrashLog(dir.resolve("sent.log"));
        List<String> args = List.of(simulator.chatUrl(), simulator.rootPublicKeyBase64(), dir.resolve("client.db").toString(),
                senderAccount, dir.resolve("sent.log").toString(), "send", peer + "@s.whatsapp.net", Integer.toString(SENT));
        long started = System.nanoTime();
        ChildClient child = link(senderAccount, args);

        ToIntFunction<CrashLog> acked = l -> CrashLog.sentIndexes(l.read()).size();
        Restarts restarts = killAndRestart(child, log, acked, SENT, killPoints(1, SENT - 20), args);
        await("all " + SENT + " sends acked").atMost(PROGRESS).pollInterval(Duration.ofMillis(20))
                .until(() -> acked.applyAsInt(log) >= SENT);
        long done = System.nanoTime();

        MockPhone peerPhone = simulator.phones().phone(simulator.accounts().find(peer).orElseThrow());
        MockPhone ownPhone = simulator.phones().phone(simulator.accounts().find(senderAccount).orElseThrow());
        List<CrashLog.Entry> entries = log.read();
        assertThat(peerPhone.failures()).as("peer phone: undecryptable or a reused message key").isEmpty();
        assertThat(ownPhone.failures()).as("own phone (device-sent copies)").isEmpty();
        List<InboxEntry> inbox = peerPhone.inbox();
        Map<String, String> byId = new HashMap<>();
        inbox.forEach(e -> assertThat(byId.put(e.id(), e.text())).as("id %s delivered once", e.id()).isNull());
        assertThat(entries).as("every acked send is in the peer's inbox with its text")
                .allSatisfy(e -> assertThat(byId.get(e.id())).isEqualTo("s-" + e.value()));
        assertThat(inbox.stream().map(InboxEntry::text).collect(Collectors.toSet()))
                .containsAll(IntStream.range(0, SENT).mapToObj(i -> "s-" + i).toList());
        assertThat(ownPhone.inbox().stream().map(InboxEntry::id).toList())
                .containsAll(entries.stream().map(CrashLog.Entry::id).toList());
        System.out.printf("send: %d texts acked, %d reached the peer (re-sent after a kill with a new id: %d), %d kills "
                        + "at %s; restart to first new ack %s ms; %.0f sends/s after the last restart; %.1f s in all%n",
                entries.size(), inbox.size(), inbox.size() - SENT, restarts.points().size(), restarts.points(),
                restarts.resumedMillis(), (SENT - restarts.countAtLastResume()) / ((done - restarts.lastResumeNanos()) / 1e9),
                (done - started) / 1e9);
    }

    /** What the kills measured: progress at each kill, and per restart the ms to CONNECTED and to the first progress. */
    private record Restarts(List<Integer> points, List<Long> connectedMillis, List<Long> resumedMillis,
                            int countAtLastResume, long lastResumeNanos) {
    }

    /**
     * For each kill point: waits until {@code progress} reaches it, kills the child with SIGKILL, starts it again on
     * the same files and waits until it makes progress again (unless it had finished: {@code total}).
     */
    private Restarts killAndRestart(ChildClient first, CrashLog log, ToIntFunction<CrashLog> progress, int total,
                                    List<Integer> points, List<String> args) {
        ChildClient child = first;
        List<Integer> killedAt = new ArrayList<>();
        List<Long> connected = new ArrayList<>();
        List<Long> resumed = new ArrayList<>();
        int countAtResume = 0;
        long resumeNanos = 0;
        for (int point : points) {
            await("progress to the kill point " + point).atMost(PROGRESS).pollInterval(Duration.ofMillis(5))
                    .until(() -> progress.applyAsInt(log) >= point);
            child.kill();
            int before = progress.applyAsInt(log);
            killedAt.add(before);
            ChildClient restarted = child(args);
            child = restarted;
            restarted.awaitLine("CONNECTED", LINKING);
            connected.add(restarted.ageNanos() / 1_000_000);
            await("progress after the restart from " + before).atMost(PROGRESS).pollInterval(Duration.ofMillis(5))
                    .until(() -> progress.applyAsInt(log) > before || before >= total);
            resumed.add(restarted.ageNanos() / 1_000_000);
            countAtResume = progress.applyAsInt(log);
            resumeNanos = System.nanoTime();
        }
        return new Restarts(killedAt, connected, resumed, countAtResume, resumeNanos);
    }

    /**
     * 3 to 5 distinct random points in [from, to], ascending; the first within the first ten (the session's first
     * messages, pkmsg, are the ones most worth killing around).
     */
    private List<Integer> killPoints(int from, int to) {
        int kills = 3 + random.nextInt(3);
        Set<Integer> points = new TreeSet<>();
        points.add(from + random.nextInt(10));
        while (points.size() < kills) {
            points.add(from + random.nextInt(to - from + 1));
        }
        return List.copyOf(points);
    }

    /** Starts the child for the first time, scans its QR with the account's phone and waits for its prekeys. */
    private ChildClient link(String phone, List<String> args) {
        ChildClient child = child(args);
        String qr = child.awaitLine("QR ", LINKING);
        assertThat(admin.post("/admin/accounts/" + phone + "/scan-qr", Map.of("qr", qr)).status()).isEqualTo(200);
        child.awaitLine("PREKEYS", LINKING);
        return child;
    }

    private ChildClient child(List<String> args) {
        ChildClient child = ChildClient.start(dir.resolve("child.err"), args);
        children.add(child);
        return child;
    }

    private void createAccount(String phone) {
        assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "Crash " + phone)).status()).isEqualTo(201);
    }
}
