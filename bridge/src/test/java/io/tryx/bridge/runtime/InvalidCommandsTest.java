package io.tryx.bridge.runtime;

import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.serde.WireFormat;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.RecordingProxy;
import io.tryx.bridge.testschema.Greeting;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.DeadLetter;
import io.tryx.commands.v1.DeadLetterReason;
import io.tryx.commands.v1.ErrorCode;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.LogOut;
import io.tryx.commands.v1.account.PairingMode;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records on the command topic that the bridge cannot take: each lands on the dead-letter topic with its raw bytes
 * and a reason a person can read, and the consumer goes on serving the valid command right behind it. A registry
 * outage is not the record's fault: the command waits and is carried out once the registry answers again.
 */
@ExtendWith(KafkaExtension.class)
class InvalidCommandsTest {

    private static final String UNHOSTED = "15550004999@s.whatsapp.net";

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;

    InvalidCommandsTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
        simulator.close();
    }

    @Test
    void everyKindOfBadRecordIsDeadLetteredWithAReadableReasonAndTheNextValidCommandIsServed() throws IOException {
        fixture.startBridge();
        String account = fixture.admin.createAccount("15550004001", "Ann");
        byte[] key = account.getBytes(StandardCharsets.UTF_8);
        byte[] command = serialized(command("template", account, LogOut.newBuilder().build()));
        int commandSchemaId = WireFormat.schemaId(command, fixture.topics.commands());
        int greetingId = fixture.registry.register("greeting-" + fixture.prefix + "-value", Greeting.getClassSchema());

        record Bad(String name, byte[] key, byte[] value, DeadLetterReason reason, String detail) {
        }
        List<Bad> bad = List.of(
                new Bad("not Avro at all", key, "{\"send\":\"hello\"}".getBytes(StandardCharsets.UTF_8),
                        DeadLetterReason.UNDECODABLE, "BAD_MAGIC"),
                new Bad("shorter than the header", key, new byte[] {0, 0, 1}, DeadLetterReason.UNDECODABLE, "TRUNCATED"),
                new Bad("unknown schema id", key, concat(WireFormat.header(Integer.MAX_VALUE - 7), new byte[] {2, 'x'}),
                        DeadLetterReason.UNDECODABLE, "UNKNOWN_SCHEMA_ID"),
                new Bad("Command schema, body cut short", key, Arrays.copyOf(command, command.length - 3),
                        DeadLetterReason.UNDECODABLE, "CORRUPT_PAYLOAD"),
                new Bad("Command schema, trailing garbage", key, concat(command, new byte[] {1, 2, 3}),
                        DeadLetterReason.UNDECODABLE, "CORRUPT_PAYLOAD"),
                new Bad("another record's schema", key, concat(WireFormat.header(greetingId), greetingBody()),
                        DeadLetterReason.UNDECODABLE,
                        "INCOMPATIBLE_SCHEMA (topic " + fixture.topics.commands() + ", schema id " + greetingId
                                + "): writer io.tryx.bridge.testschema.Greeting cannot be read as io.tryx.commands.v1.Command: NAME_MISMATCH"),
                new Bad("no value (tombstone)", key, null, DeadLetterReason.UNDECODABLE, "no value"),
                new Bad("empty command id", key, serialized(command("", account, LogOut.newBuilder().build())),
                        DeadLetterReason.UNDECODABLE, "empty commandId"),
                new Bad("no key", null, command, DeadLetterReason.MISSING_KEY, "has no key"),
                new Bad("key of another account", "15550004002@s.whatsapp.net".getBytes(StandardCharsets.UTF_8), command,
                        DeadLetterReason.KEY_MISMATCH, "15550004002@s.whatsapp.net"),
                new Bad("malformed account JID", "not@a@jid".getBytes(StandardCharsets.UTF_8),
                        serialized(command("bad-jid", "not@a@jid", LogOut.newBuilder().build())),
                        DeadLetterReason.UNKNOWN_ACCOUNT, "is not a user JID"),
                new Bad("a group as the account", "120363000000000001@g.us".getBytes(StandardCharsets.UTF_8),
                        serialized(command("group-account", "120363000000000001@g.us", LogOut.newBuilder().build())),
                        DeadLetterReason.UNKNOWN_ACCOUNT, "is not a user JID"));

        List<String> validIds = new ArrayList<>();
        for (Bad record : bad) {
            fixture.sendRaw(record.key(), record.value());
            // a valid command right behind each bad record: it must be answered
            validIds.add(fixture.send(command(fixture.nextCommandId(), UNHOSTED, LogOut.newBuilder().build())));
        }
        String add = fixture.send(account, AddAccount.newBuilder().setMode(PairingMode.QR).build());

        List<DeadLetter> letters = fixture.deadLetters.await(r -> true, bad.size(), WITHIN).stream()
                .map(ConsumerRecord::value).toList();
        for (Bad record : bad) {
            DeadLetter letter = letters.stream().filter(l -> sameBytes(l.getValue().orElse(null), record.value())
                    && sameBytes(l.getKey().orElse(null), record.key())).findFirst()
                    .orElseThrow(() -> new AssertionError("no dead letter for: " + record.name()));
            assertThat(letter.getReason()).as(record.name()).isEqualTo(record.reason());
            assertThat(letter.getDetail()).as(record.name()).contains(record.detail()).hasSizeLessThan(2_000);
            assertThat(letter.getOriginalTopic()).isEqualTo(fixture.topics.commands());
            assertThat(letter.getTimestamp()).isAfter(Instant.now().minusSeconds(120));
        }
        assertThat(commandSchemaId).isNotEqualTo(greetingId);
        assertThat(fixture.deadLetters.poll()).as("one dead letter per bad record").hasSize(bad.size());

        for (String id : validIds) {
            Object status = fixture.result(id).getStatus();
            assertThat(status).isInstanceOf(CommandFailed.class);
            assertThat(((CommandFailed) status).getCode()).as("a valid command for an account the bridge does not host")
                    .isEqualTo(ErrorCode.UNKNOWN_ACCOUNT);
        }
        assertThat(fixture.result(add).getStatus()).isInstanceOf(CommandSucceeded.class);
        assertThat(fixture.results.seen().stream().map(r -> r.value().getCommandId()))
                .as("dead-lettered records get no result").doesNotContain("", "bad-jid", "group-account", "template");
        assertThat(fixture.meters.counter("tryx.commands.dead_letters", "reason", "UNDECODABLE").count()).isEqualTo(8);
        assertThat(fixture.bridge.ready()).isTrue();
    }

    @Test
    void aCommandThatArrivesWhileTheRegistryFailsIsCarriedOutLaterNotDeadLettered() {
        try (RecordingProxy registry = RecordingProxy.http(env.registryUrl())) {
            fixture.bridgeRegistryUrl = registry.url();
            fixture.startBridge();
            registry.failNext(4, 503); // one client call's worth of attempts: the first decoding fails as a whole

            String id = fixture.send(command(fixture.nextCommandId(), UNHOSTED, LogOut.newBuilder().build()));

            assertThat(((CommandFailed) fixture.result(id).getStatus()).getCode()).isEqualTo(ErrorCode.UNKNOWN_ACCOUNT);
            assertThat(fixture.meters.counter("tryx.kafka.errors", "operation", "registry").count()).isPositive();
            assertThat(fixture.deadLetters.poll()).isEmpty();
            assertThat(registry.seen().stream().filter(s -> s.path().startsWith("/schemas/ids/")))
                    .hasSizeGreaterThan(4);
        }
    }

    private static Command command(String id, String account, Object action) {
        return Command.newBuilder().setCommandId(id).setAccount(account).setIssuedAt(Instant.now()).setAction(action).build();
    }

    private byte[] serialized(Command command) {
        return new AvroSerializer<Command>(fixture.registry, AvroSerdeOptions.DEFAULTS, false)
                .serialize(fixture.topics.commands(), command);
    }

    private static byte[] greetingBody() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Greeting.class).write(Greeting.newBuilder().setId("g1").setSender("x@s.whatsapp.net")
                .setText("hi").setCount(1).build(), encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static boolean sameBytes(ByteBuffer buffer, byte[] bytes) {
        if (buffer == null || bytes == null) {
            return buffer == null && bytes == null;
        }
        return buffer.duplicate().equals(ByteBuffer.wrap(bytes));
    }
}
