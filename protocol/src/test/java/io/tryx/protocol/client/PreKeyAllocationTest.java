package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The prekey refill and retry receipts both create one-time prekeys; through the account's one allocator their ids
 * never collide, even when both run at the same time on different threads.
 */
class PreKeyAllocationTest {

    private static final Jid JID = Jid.parse("15550001111:3@s.whatsapp.net");
    private static final Jid LID = Jid.parse("100000000000001:3@lid");
    private static final int UPLOAD = 40;
    private static final int REFILLS = 20;
    private static final int RETRIES = 60;

    private final SecureRandom random = new SecureRandom();
    private final FakeConnector connector = new FakeConnector();
    private final InMemoryAccountStore store = new InMemoryAccountStore("ids");
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(3);
    private final ExecutorService server = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        List.of(events, workers, server, timers).forEach(ExecutorService::shutdownNow);
    }

    @Test
    void concurrentRefillsAndRetryReceiptsNeverReuseAPreKeyId() {
        store.save(DeviceCredentials.generate(random, 0).paired(JID, LID, new byte[] {1, 2, 3}));
        WhatsAppClient client = new WhatsAppClient(connector, store, ClientConfig.defaults().withPreKeyCounts(UPLOAD, 5),
                MessagingConfig.defaults(), ClientScheduler.of(timers), events, workers, Clock.systemUTC());
        client.start();
        FakeConnector.FakeConnection c = connector.last();
        c.responder = PreKeyAllocationTest::answer;
        c.deliver(Node.builder("success").attr("lid", LID.toNonAd()).build());

        // the server says prekeys run low (each makes the client count and refill) while undecryptable messages that
        // were already retried once arrive from many senders (each retry receipt carries a fresh prekey)
        CompletableFuture<Void> lowCounts = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < REFILLS; i++) {
                c.deliver(Node.builder("notification").attr("id", "n" + i).attr("type", "encrypt")
                        .attr("from", "s.whatsapp.net").children(Node.builder("count").attr("value", 0).build()).build());
            }
        }, server);
        CompletableFuture<Void> broken = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < RETRIES; i++) {
                byte[] garbage = new byte[64];
                random.nextBytes(garbage);
                c.deliver(Node.builder("message").attr("from", "1555000" + (2000 + i) + ":1@s.whatsapp.net")
                        .attr("id", "BAD" + i).attr("t", 1_700_000_000L).attr("type", "text")
                        .children(Node.builder("enc").attr("v", "2").attr("type", "msg").attr("count", 1).bytes(garbage).build())
                        .build());
            }
        }, server);
        CompletableFuture.allOf(lowCounts, broken).join();

        await().atMost(Duration.ofSeconds(30)).until(() -> uploads(c).size() == REFILLS + 1 && retryKeys(c).size() == RETRIES);
        Map<Integer, byte[]> handedOut = new HashMap<>();
        List<Integer> ids = new ArrayList<>();
        for (Node upload : uploads(c)) {
            for (Node key : upload.child("list").orElseThrow().children("key")) {
                ids.add(id(key));
                handedOut.put(id(key), value(key));
            }
        }
        for (Node key : retryKeys(c)) {
            ids.add(id(key));
            handedOut.put(id(key), value(key));
        }
        assertThat(ids).hasSize((REFILLS + 1) * UPLOAD + RETRIES).doesNotHaveDuplicates();
        handedOut.forEach((id, value) -> assertThat(store.preKey(id).map(PreKeyRecord::keyPair).orElseThrow().publicKey())
                .as("stored prekey %d is the one handed out", id).isEqualTo(value));
        assertThat(store.load().orElseThrow().nextPreKeyId()).isEqualTo(ids.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1);
        client.close();
    }

    /** The server's side: no prekeys left, uploads and the active mark accepted. */
    private static Optional<Node> answer(Node sent) {
        if (!sent.tag().equals("iq") || sent.attrs().optionalString("type").filter("result"::equals).isPresent()) {
            return Optional.empty();
        }
        Node.Builder result = Node.builder("iq").attr("id", sent.attrs().string("id")).attr("type", "result")
                .attr("from", "s.whatsapp.net");
        if (sent.child("count").isPresent()) {
            result.children(Node.builder("count").attr("value", 0).build());
        }
        return Optional.of(result.build());
    }

    private static List<Node> uploads(FakeConnector.FakeConnection c) {
        return c.sent.stream().filter(n -> n.tag().equals("iq") && n.child("list").isPresent()).toList();
    }

    private static List<Node> retryKeys(FakeConnector.FakeConnection c) {
        return c.sent.stream().filter(n -> n.tag().equals("receipt"))
                .flatMap(n -> n.child("keys").flatMap(k -> k.child("key")).stream()).toList();
    }

    private static int id(Node key) {
        byte[] b = key.child("id").flatMap(Node::contentBytes).orElseThrow();
        return (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | b[2] & 0xFF;
    }

    private static byte[] value(Node key) {
        return key.child("value").flatMap(Node::contentBytes).orElseThrow();
    }
}
