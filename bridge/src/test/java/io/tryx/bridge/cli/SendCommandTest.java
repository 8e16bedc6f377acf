package io.tryx.bridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.testkit.Drain;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.ErrorCode;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.common.v1.TextContent;
import io.tryx.schemas.ContractRuntime;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
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

/**
 * {@code tryx send} against the real broker and registry; the test plays the bridge: it reads the command from the
 * commands topic and writes the result.
 */
@ExtendWith(KafkaExtension.class)
class SendCommandTest {

    private final KafkaTestEnvironment env;
    private final TopicNames topics = new TopicNames("send" + UUID.randomUUID().toString().substring(0, 8));
    private final SchemaRegistryClient registry;
    private final KafkaConsumer<String, Command> commands;
    private final KafkaProducer<String, CommandResult> results;

    @TempDir
    Path dir;

    SendCommandTest(KafkaTestEnvironment env) throws Exception {
        ContractRuntime.install();
        this.env = env;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.commands(), 1, (short) 1),
                    new NewTopic(topics.commandResults(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        registry = env.registryClient();
        commands = new KafkaConsumer<>(Map.of("bootstrap.servers", env.bootstrapServers()), new StringDeserializer(),
                new AvroDeserializer<>(registry, AvroReadMode.specific(Command.class)));
        commands.assign(List.of(new TopicPartition(topics.commands(), 0)));
        commands.seekToBeginning(List.of(new TopicPartition(topics.commands(), 0)));
        results = new KafkaProducer<>(env.producerConfig(), new StringSerializer(),
                new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false));
    }

    @AfterEach
    void close() {
        commands.close();
        results.close();
        registry.close();
    }

    private CliHarness cli() {
        return new CliHarness(dir, Map.of("TRYX_KAFKA_BOOTSTRAP_SERVERS", env.bootstrapServers(),
                "TRYX_SCHEMA_REGISTRY_URL", env.registryUrl()), Optional.empty());
    }

    @Test
    void sendPutsASendMessageCommandOnTheTopicAndPrintsItsResult() throws Exception {
        CliHarness cli = cli();
        CompletableFuture<Integer> exit = cli.start("send", "--topic-prefix", topics.prefix(), "--account", "15551234567",
                "--to", "+15557654321", "--text", "hello from the CLI", "--timeout", "60s");

        ConsumerRecord<String, Command> record = Drain.records(commands, 1, Duration.ofSeconds(60)).getFirst();
        Command command = record.value();
        assertThat(record.key()).isEqualTo("15551234567@s.whatsapp.net");
        assertThat(command.getAccount()).isEqualTo("15551234567@s.whatsapp.net");
        assertThat(command.getCommandId()).isNotBlank();
        assertThat(command.getIssuedAt()).isPresent();
        SendMessage send = (SendMessage) command.getAction();
        assertThat(send.getChat()).isEqualTo("15557654321@s.whatsapp.net");
        assertThat(((TextContent) send.getContent()).getText()).isEqualTo("hello from the CLI");

        // an unrelated result first: send must wait for its own
        reply("someone-else", command.getAccount(), CommandSucceeded.newBuilder().setMessageId("OTHER").build());
        reply(command.getCommandId(), command.getAccount(), CommandSucceeded.newBuilder().setMessageId("3EB0ABC")
                .setServerTimestamp(Instant.parse("2026-03-04T05:06:07Z")).build());

        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        JsonNode printed = new ObjectMapper().readTree(cli.out());
        assertThat(printed.get("commandId").asText()).isEqualTo(command.getCommandId());
        assertThat(printed.get("status").get("@type").asText()).isEqualTo("CommandSucceeded");
        assertThat(printed.get("status").get("messageId").asText()).isEqualTo("3EB0ABC");
        assertThat(printed.get("status").get("serverTimestamp").asText()).isEqualTo("2026-03-04T05:06:07Z");
    }

    @Test
    void aFailedCommandPrintsTheFailureAndExitsWithOne() throws Exception {
        CliHarness cli = cli();
        CompletableFuture<Integer> exit = cli.start("send", "--topic-prefix", topics.prefix(), "--account",
                "15551234567@s.whatsapp.net", "--to", "120363025246125486@g.us", "--text", "hi", "--command-id", "fixed-id");

        Command command = Drain.records(commands, 1, Duration.ofSeconds(60)).getFirst().value();
        assertThat(command.getCommandId()).isEqualTo("fixed-id");
        reply("fixed-id", command.getAccount(), CommandFailed.newBuilder().setCode(ErrorCode.NOT_CONNECTED)
                .setMessage("account is offline").setRetryable(true).build());

        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        JsonNode printed = new ObjectMapper().readTree(cli.out());
        assertThat(printed.get("status").get("@type").asText()).isEqualTo("CommandFailed");
        assertThat(printed.get("status").get("code").asText()).isEqualTo("NOT_CONNECTED");
        assertThat(printed.get("status").get("retryable").asBoolean()).isTrue();
    }

    @Test
    void noResultInTimeExitsWithOneAndSaysSo() {
        CliHarness cli = cli();

        int exit = cli.run("send", "--topic-prefix", topics.prefix(), "--account", "15551234567", "--to", "15557654321",
                "--text", "nobody listens", "--timeout", "1s");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("no result for command").contains(topics.commandResults());
    }

    @Test
    void aPrefixWithoutTopicsIsReportedBeforeSending() {
        CliHarness cli = cli();

        int exit = cli.run("send", "--topic-prefix", "nobridge", "--account", "15551234567", "--to", "15557654321",
                "--text", "x");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).contains("topic nobridge.commands does not exist").contains("topic prefix 'nobridge'");
    }

    private void reply(String commandId, String account, Object status) throws Exception {
        results.send(new ProducerRecord<>(topics.commandResults(), account, CommandResult.newBuilder()
                .setCommandId(commandId).setAccount(account).setCompletedAt(Instant.now()).setStatus(status).build()))
                .get(30, TimeUnit.SECONDS);
    }
}
