package io.tryx.bridge.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.client.CommandClient;
import io.tryx.bridge.config.ConfigLoader;
import io.tryx.bridge.demo.SimulatorAdmin;
import io.tryx.bridge.embedded.EmbeddedKafka;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.RegistryOnlyDeserializer;
import io.tryx.bridge.topics.TopicSettings;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kafka security settings pass through: a broker whose only listener the bridge is given is SASL_PLAINTEXT with the
 * PLAIN mechanism; the bridge, configured by {@code TRYX_KAFKA_SECURITY_PROTOCOL}, {@code TRYX_KAFKA_SASL_MECHANISM}
 * and {@code TRYX_KAFKA_SASL_JAAS_CONFIG}, creates its topics (admin), takes a command (consumer) and publishes its
 * result and the account's QR event (producer); with a wrong password it refuses to start with a clear message.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSaslTest {

    private static final String USER = "tryx-bridge";
    private static final String PASSWORD = "kafka-s3cret";

    private final KafkaTestEnvironment env;
    private EmbeddedKafka broker;
    private Simulator simulator;

    KafkaSaslTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start() throws InterruptedException {
        broker = EmbeddedKafka.startWithSaslPlain(Map.of(USER, PASSWORD, "someone-else", "other"));
        simulator = Simulator.start(SimulatorConfig.defaults());
    }

    @AfterAll
    void stop() {
        simulator.close();
        broker.close();
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private BridgeConfig config(Path dir, String prefix, String password) {
        Map<String, String> environment = new HashMap<>();
        environment.put("TRYX_KAFKA_BOOTSTRAP_SERVERS", broker.saslBootstrapServers());
        environment.put("TRYX_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        environment.put("TRYX_KAFKA_SASL_MECHANISM", "PLAIN");
        environment.put("TRYX_KAFKA_SASL_JAAS_CONFIG", jaas(USER, password));
        environment.put("TRYX_SCHEMA_REGISTRY_URL", env.registryUrl());
        environment.put("TRYX_TOPIC_PREFIX", prefix);
        environment.put("TRYX_STORE", "memory");
        environment.put("TRYX_WHATSAPP_CHAT_URL", simulator.chatUrl());
        environment.put("TRYX_WHATSAPP_NOISE_ROOT", Base64.getEncoder().encodeToString(simulator.rootPublicKey()));
        return new ConfigLoader(dir, environment).load(Optional.empty(), ConfigLoader.Flags.none());
    }

    private static RuntimeOptions options(String prefix) {
        return RuntimeOptions.defaults(prefix).withTopics(TopicSettings.defaults().withEventPartitions(1)
                .withCommandPartitions(1));
    }

    @Test
    void theBridgeAuthenticatesItsAdminConsumerAndProducerWithTheConfiguredSaslSettings(@TempDir Path dir) {
        String prefix = "sasl" + Long.toHexString(System.nanoTime() & 0xffffff);
        BridgeConfig config = config(dir, prefix, PASSWORD);
        assertThat(config.kafka().clientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN");
        TopicNames topics = new TopicNames(prefix);
        try (BridgeRuntime bridge = Bridge.start(config, options(prefix), new SimpleMeterRegistry());
             SimulatorAdmin admin = new SimulatorAdmin(simulator.adminUrl());
             CommandClient commands = new CommandClient(BridgeEndpoints.of(config.kafka(), prefix));
             SchemaRegistryClient registry = env.registryClient();
             KafkaConsumer<String, GenericRecord> events = saslConsumer(registry, topics.events(EventFamily.CONNECTION))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            String account = admin.createAccount("15550006001", "Sasha");

            var outcome = commands.execute(Command.newBuilder().setCommandId("add-over-sasl").setAccount(account)
                    .setIssuedAt(Instant.now()).setAction(AddAccount.newBuilder().setMode(PairingMode.QR).build()).build(),
                    Duration.ofSeconds(30));

            assertThat(outcome).isPresent();
            assertThat(outcome.get().succeeded()).as(outcome.get().result().toString()).isTrue();
            List<ConsumerRecord<String, GenericRecord>> seen = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                events.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> r.key().equals(account)
                        && ((GenericRecord) r.value().get("state")).getSchema().getName().equals("QrCodeIssued"));
            });
        }
        try (var plain = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> plain.listTopics().names().get(),
                    names -> names.contains(topics.commandResults()))).contains(topics.commands());
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithAClearMessage(@TempDir Path dir) {
        String prefix = "saslbad" + Long.toHexString(System.nanoTime() & 0xffffff);
        BridgeConfig config = config(dir, prefix, "not-the-password");

        long begin = System.nanoTime();
        assertThatThrownBy(() -> Bridge.start(config, options(prefix), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Kafka refused the bridge's credentials")
                .hasMessageContaining("sasl.jaas.config")
                .hasMessageContaining("Authentication failed");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("fails fast, not by a timeout")
                .isLessThan(Duration.ofSeconds(20));
    }

    private KafkaConsumer<String, GenericRecord> saslConsumer(SchemaRegistryClient registry, String topic) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", jaas("someone-else", "other")));
        KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new RegistryOnlyDeserializer(registry));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
