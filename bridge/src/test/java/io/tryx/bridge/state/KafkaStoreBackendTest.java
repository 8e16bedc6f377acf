package io.tryx.bridge.state;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.StoreException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Kafka store beyond the shared contract: group commit, restore after a restart, aborted transactions. */
@ExtendWith(KafkaExtension.class)
class KafkaStoreBackendTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Jid CHAT = Jid.parse("15550001111@s.whatsapp.net");

    private final KafkaTestEnvironment env;

    KafkaStoreBackendTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    private static void pair(AccountStore store) {
        store.save(DeviceCredentials.generate(RANDOM, 1_700_000_000_000L)
                .paired(Jid.parse("15550009999:2@s.whatsapp.net"), Jid.parse("100000000000009:2@lid"), new byte[]{1}));
    }

    @Test
    void concurrentWritesOfManyAccountsShareTransactionsAndAreRestoredAfterARestart() throws Exception {
        String topic = StateTopics.create(env, 3);
        List<String> accounts = IntStream.range(0, 6).mapToObj(i -> "1555000000" + i + "@s.whatsapp.net").toList();
        int perAccount = 40;
        try (KafkaStoreBackend backend = StateTopics.open(env, topic)) {
            accounts.forEach(id -> pair(backend.open(id)));
            long before = backend.transactions();
            ExecutorService lanes = Executors.newFixedThreadPool(12);
            try {
                List<CompletableFuture<Void>> writes = new ArrayList<>();
                for (String id : accounts) {
                    AccountStore store = backend.open(id);
                    for (int lane = 0; lane < 2; lane++) {
                        int first = lane * perAccount / 2;
                        writes.add(CompletableFuture.runAsync(() -> {
                            for (int i = first; i < first + perAccount / 2; i++) {
                                store.storeSentMessage(new SentMessage(CHAT, "ID" + i, new byte[]{(byte) i}, i));
                            }
                        }, lanes));
                    }
                }
                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
            } finally {
                lanes.shutdown();
            }
            long transactions = backend.transactions() - before;
            assertThat(transactions).as("%d writes grouped into fewer transactions", accounts.size() * perAccount)
                    .isLessThan((long) accounts.size() * perAccount);
            backend.open(accounts.getFirst()).pruneSentMessages(10);
        }
        try (KafkaStoreBackend restarted = StateTopics.open(env, topic)) {
            assertThat(restarted.accountIds()).containsExactlyInAnyOrderElementsOf(accounts);
            AccountStore first = restarted.open(accounts.getFirst());
            assertThat(first.load()).isPresent();
            assertThat(first.sentMessage(CHAT, "ID9")).isEmpty();
            assertThat(first.sentMessage(CHAT, "ID10").orElseThrow().message()).containsExactly(10);
            for (String id : accounts.subList(1, accounts.size())) {
                AccountStore store = restarted.open(id);
                for (int i = 0; i < perAccount; i++) {
                    assertThat(store.sentMessage(CHAT, "ID" + i)).as("%s ID%d", id, i).isPresent();
                }
            }
        }
    }

    @Test
    void anAbortedTransactionLeavesNoStateForReadCommittedReadersAndTheStoreIsRestored() throws Exception {
        String topic = StateTopics.create(env, 1);
        String eventTopic = env.newTopic("state-events", 1);
        Set<String> reloaded = ConcurrentHashMap.newKeySet();
        // a long linger, so the state write and the doomed event land in one transaction
        KafkaStoreSettings settings = StateTopics.settings(env, topic).withLinger(Duration.ofSeconds(1));
        try (KafkaStoreBackend backend = KafkaStoreBackend.open(settings, InstantSource.system())) {
            backend.listener(new StateListener() {
                @Override
                public void reloaded(Set<String> accountIds, Throwable cause) {
                    reloaded.addAll(accountIds);
                }

                @Override
                public void fenced(Set<String> accountIds, Throwable cause) {
                }
            });
            AccountStore a = backend.open("a");
            pair(a);
            a.storeSentMessage(new SentMessage(CHAT, "KEPT", new byte[]{1}, 1));

            CompletableFuture<Void> write = CompletableFuture.runAsync(() ->
                    a.storeSentMessage(new SentMessage(CHAT, "LOST", new byte[]{2}, 2)));
            await().atMost(Duration.ofSeconds(5)).until(() -> a.sentMessage(CHAT, "LOST").isPresent());
            byte[] tooLarge = new byte[2 * 1024 * 1024];
            assertThatThrownBy(() -> backend.publishOnce("a", "event-1",
                    new ProducerRecord<>(eventTopic, "a".getBytes(StandardCharsets.UTF_8), tooLarge)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("not committed");
            assertThatThrownBy(write::join).hasCauseInstanceOf(StoreException.class);
            assertThat(reloaded).containsExactly("a");

            assertThatThrownBy(() -> a.sentMessage(CHAT, "KEPT")).as("the old copy is void")
                    .isInstanceOf(StoreException.class);
            AccountStore reopened = backend.open("a");
            assertThat(reopened).isNotSameAs(a);
            assertThat(reopened.sentMessage(CHAT, "LOST")).as("restored from the changelog").isEmpty();
            assertThat(reopened.sentMessage(CHAT, "KEPT")).isPresent();
            assertThat(backend.publishOnce("a", "event-1",
                    new ProducerRecord<>(eventTopic, "a".getBytes(StandardCharsets.UTF_8), new byte[]{7})))
                    .as("the aborted publish left no mark").isTrue();
            assertThat(backend.publishOnce("a", "event-1",
                    new ProducerRecord<>(eventTopic, "a".getBytes(StandardCharsets.UTF_8), new byte[]{7})))
                    .as("published once").isFalse();
        }
        try (KafkaStoreBackend fresh = StateTopics.open(env, topic)) {
            assertThat(fresh.open("a").sentMessage(CHAT, "LOST")).isEmpty();
            assertThat(fresh.open("a").sentMessage(CHAT, "KEPT")).isPresent();
        }
        assertThat(keys(topic, "read_uncommitted")).as("the aborted record was written").contains("a|sent|" + CHAT + "|LOST");
        assertThat(keys(topic, "read_committed")).doesNotContain("a|sent|" + CHAT + "|LOST");
        assertThat(keys(eventTopic, "read_committed")).hasSize(1);
    }

    private List<String> keys(String topic, String isolation) {
        Map<String, Object> config = env.consumerConfig("unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(new String(record.key(), StandardCharsets.UTF_8));
                }
            }
        }
        return keys;
    }
}
