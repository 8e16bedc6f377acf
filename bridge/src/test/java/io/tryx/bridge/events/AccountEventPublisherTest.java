package io.tryx.bridge.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tryx.bridge.accounts.AccountView;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.Tail;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.topics.RecordProducer;
import io.tryx.bridge.app.TopicNames;
import io.tryx.events.v1.MessageEvent;
import io.tryx.protocol.client.messaging.MessageEvent.MessageReceived;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto.Message;
import io.tryx.schemas.ContractRuntime;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The message listener returns (letting the runtime acknowledge the message to WhatsApp) only after Kafka
 * acknowledged the event, and throws (so WhatsApp redelivers) when Kafka does not. The real broker cannot take the
 * event at first: its topic does not exist yet (the broker does not create topics by itself), so the producer waits
 * for it until the test creates it, or until its {@code max.block.ms} passes.
 */
@ExtendWith(KafkaExtension.class)
class AccountEventPublisherTest {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final String ACCOUNT = "15551110000@s.whatsapp.net";
    private static final AccountView VIEW = new AccountView() {
        @Override
        public String accountId() {
            return ACCOUNT;
        }

        @Override
        public Optional<String> device() {
            return Optional.of("15551110000:3@s.whatsapp.net");
        }

        @Override
        public Optional<String> lid() {
            return Optional.empty();
        }

        @Override
        public String state() {
            return "CONNECTED";
        }
    };

    @BeforeAll
    static void contract() {
        ContractRuntime.install();
    }

    @Test
    void theListenerReturnsOnlyOnceKafkaAcknowledgedTheMessageEvent(KafkaTestEnvironment env) throws Exception {
        TopicNames topics = new TopicNames("pub" + PREFIXES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff));
        String topic = topics.events(EventFamily.MESSAGES);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()));
             SchemaRegistryClient registry = env.registryClient();
             RecordProducer producer = producer(env, registry, 60_000)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            AccountEventPublisher listener = new AccountEventPublisher(new EventPublisher(producer, topics, meters), meters,
                    Clock.systemUTC());

            CompletableFuture<Void> returned = CompletableFuture.runAsync(() -> listener.onMessage(VIEW, received("3EB0ONE")));

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !returned.isDone());
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            returned.get(30, TimeUnit.SECONDS);

            try (Tail<MessageEvent> tail = new Tail<>(env.bootstrapServers(), topic,
                    new AvroDeserializer<>(registry, AvroReadMode.specific(MessageEvent.class)))) {
                var record = tail.await(r -> true, Duration.ofSeconds(10));
                assertThat(record.key()).isEqualTo(ACCOUNT + "|15552220000@s.whatsapp.net");
                assertThat(record.value().getKey().getId()).isEqualTo("3EB0ONE");
            }
            assertThat(meters.counter("tryx.events.published", "family", "messages").count()).isEqualTo(1);
            assertThat(meters.timer("tryx.events.publish.latency", "family", "messages").count()).isEqualTo(1);
        }
    }

    @Test
    void theListenerThrowsWhenKafkaNeverAcknowledgesSoTheMessageIsNotAcknowledgedToWhatsApp(KafkaTestEnvironment env)
            throws Exception {
        TopicNames topics = new TopicNames("pub" + PREFIXES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff));
        try (SchemaRegistryClient registry = env.registryClient();
             RecordProducer producer = producer(env, registry, 1_500)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            AccountEventPublisher listener = new AccountEventPublisher(new EventPublisher(producer, topics, meters), meters,
                    Clock.systemUTC());

            CompletableFuture<Void> returned = CompletableFuture.runAsync(() -> listener.onMessage(VIEW, received("3EB0TWO")));

            assertThat(returned).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .havingCause().isInstanceOf(EventPublishException.class).withMessageContaining("messages");
            assertThat(meters.counter("tryx.events.failed", "family", "messages").count()).isEqualTo(1);
        }
    }

    private static RecordProducer producer(KafkaTestEnvironment env, SchemaRegistryClient registry, int maxBlockMs) {
        Map<String, Object> config = env.producerConfig();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
        return new RecordProducer(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                new AvroSerializer<SpecificRecord>(registry, AvroSerdeOptions.DEFAULTS, false));
    }

    private static MessageReceived received(String id) {
        Jid peer = Jid.parse("15552220000@s.whatsapp.net");
        return new MessageReceived(new MessageInfo(id, peer, peer, null, false, false, Instant.now(), "Peer", "", "text",
                false), Message.newBuilder().setConversation("hi").build());
    }
}
