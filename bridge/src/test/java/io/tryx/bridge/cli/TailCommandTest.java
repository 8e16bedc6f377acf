package io.tryx.bridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.common.v1.Source;
import io.tryx.events.v1.ConnectionEvent;
import io.tryx.events.v1.QrCodeIssued;
import io.tryx.schemas.ContractRuntime;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code tryx tail} on the real broker and registry: records written by the test come out as JSON lines. */
@ExtendWith(KafkaExtension.class)
class TailCommandTest {

    private static final String ACCOUNT = "15551234567@s.whatsapp.net";
    private static final Instant AT = Instant.parse("2026-05-06T07:08:09.010Z");

    private final KafkaTestEnvironment env;
    private final TopicNames topics = new TopicNames("tail" + UUID.randomUUID().toString().substring(0, 8));
    private final SchemaRegistryClient registry;
    private final KafkaProducer<String, GenericContainer> producer;

    @TempDir
    Path dir;

    TailCommandTest(KafkaTestEnvironment env) throws Exception {
        ContractRuntime.install();
        this.env = env;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.bootstrapServers()))) {
            admin.createTopics(topics.all().stream().map(t -> new NewTopic(t, 1, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        registry = env.registryClient();
        producer = new KafkaProducer<>(env.producerConfig(), new StringSerializer(),
                new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false));
    }

    @AfterEach
    void close() {
        producer.close();
        registry.close();
    }

    private CliHarness cli() {
        return new CliHarness(dir, Map.of("TRYX_KAFKA_BOOTSTRAP_SERVERS", env.bootstrapServers(),
                "TRYX_SCHEMA_REGISTRY_URL", env.registryUrl(), "TRYX_TOPIC_PREFIX", topics.prefix()), Optional.empty());
    }

    @Test
    void eventsFromTheBeginningPrintAsOneJsonLineEach() throws Exception {
        write(topics.events(EventFamily.CONNECTION), qrIssued("2@first"));
        write(topics.commandResults(), CommandResult.newBuilder().setCommandId("c1").setAccount(ACCOUNT)
                .setCompletedAt(AT).setStatus(CommandSucceeded.newBuilder().build()).build());
        CliHarness cli = cli();

        assertThat(cli.run("tail", "--from-beginning", "--max-records", "1")).as(cli.err()).isZero();

        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        assertThat(line.get("topic").asText()).isEqualTo(topics.events(EventFamily.CONNECTION));
        assertThat(line.get("offset").asLong()).isZero();
        assertThat(line.get("key").asText()).isEqualTo(ACCOUNT);
        assertThat(line.get("schema").asText()).isEqualTo("io.tryx.events.v1.ConnectionEvent");
        JsonNode value = line.get("value");
        assertThat(value.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(value.get("timestamp").asText()).isEqualTo("2026-05-06T07:08:09.010Z");
        assertThat(value.get("state").get("@type").asText()).isEqualTo("QrCodeIssued");
        assertThat(value.get("state").get("code").asText()).isEqualTo("2@first");
        assertThat(cli.err()).contains("following").contains(topics.events(EventFamily.CONNECTION))
                .contains(topics.events(EventFamily.UNDECRYPTABLE)).doesNotContain(topics.commandResults());
    }

    @Test
    void topicGlobsSelectOtherTopics() throws Exception {
        write(topics.events(EventFamily.CONNECTION), qrIssued("2@ignored"));
        write(topics.commandResults(), CommandResult.newBuilder().setCommandId("c2").setAccount(ACCOUNT)
                .setCompletedAt(AT).setStatus(CommandSucceeded.newBuilder().setMessageId("M1").build()).build());
        CliHarness cli = cli();

        assertThat(cli.run("tail", "--from-beginning", "--max-records", "1", "--topics", "command-*,events.calls"))
                .as(cli.err()).isZero();

        JsonNode line = new ObjectMapper().readTree(cli.out());
        assertThat(line.get("topic").asText()).isEqualTo(topics.commandResults());
        assertThat(line.get("value").get("status").get("messageId").asText()).isEqualTo("M1");
    }

    @Test
    void withoutFromBeginningOnlyNewRecordsPrintUntilStopped() throws Exception {
        write(topics.events(EventFamily.CONNECTION), qrIssued("2@old"));
        CliHarness cli = cli();
        CompletableFuture<Integer> exit = cli.start("tail");
        await().atMost(Duration.ofSeconds(30)).until(() -> cli.err().contains("following"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            write(topics.events(EventFamily.CONNECTION), qrIssued("2@new"));
            assertThat(cli.out()).contains("2@new");
        });
        cli.stop();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(cli.out()).doesNotContain("2@old");
    }

    @Test
    void noMatchingTopicIsAnError() {
        CliHarness cli = cli();

        assertThat(cli.run("tail", "--topics", "nothing.here")).isEqualTo(1);
        assertThat(cli.err()).contains("no topic matches nothing.here");
    }

    private static ConnectionEvent qrIssued(String code) {
        QrCodeIssued state = QrCodeIssued.newBuilder().setCode(code).setExpiresAt(AT.plusSeconds(60)).build();
        return ConnectionEvent.newBuilder()
                .setEventId(EventIds.derive(ACCOUNT, ACCOUNT, Long.toString(AT.toEpochMilli()), EventKind.of(state)))
                .setAccount(ACCOUNT).setChat(ACCOUNT).setTimestamp(AT)
                .setSource(Source.newBuilder().setBridgeVersion("test").setDevice(ACCOUNT).build())
                .setState(state).build();
    }

    private void write(String topic, GenericContainer value) throws Exception {
        producer.send(new ProducerRecord<>(topic, ACCOUNT, value)).get(30, TimeUnit.SECONDS);
    }
}
