package io.tryx.bridge.runtime;

import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.Tail;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A linked account's history (seeded on the simulator's mock phone before linking) appears on the history topic as
 * {@code HistorySyncEvent} records a plain consumer decodes with the registry alone: conversations with their
 * messages as message events, names, push names, chunk order and progress, big chunks split into parts that stay
 * well under Kafka's 1 MiB default.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeHistorySyncTest {

    private static final String PHONE = "15550002401";
    private static final String BOB = "15550002402@s.whatsapp.net";
    private static final int GENERATED = 1_500;

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;
    private Tail<GenericRecord> history;

    BridgeHistorySyncTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults().withPhoneInboxLimit(10_000));
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
        history = new Tail<>(env.bootstrapServers(), fixture.topics.events(EventFamily.HISTORY),
                new AvroDeserializer<>(fixture.registry, AvroReadMode.generic()));
    }

    @AfterAll
    void stop() {
        history.close();
        fixture.close();
        simulator.close();
    }

    @Test
    void seededHistoryArrivesAsHistoryRecordsSplitIntoPartsUnderTheSizeLimit() throws Exception {
        String account = fixture.admin.createAccount(PHONE, "History");
        seed("""
                {"conversations":[{"jid":"%s","name":"Bob","messages":[
                   {"id":"B1","fromMe":true,"text":"hi Bob","timestamp":2000000000},
                   {"id":"B2","fromMe":false,"text":"hello there","timestamp":2000000001}]}],
                 "pushNames":{"%s":"Bobby"},
                 "generate":{"conversations":2,"messages":%d,"textBytes":200}}
                """.formatted(BOB, BOB, GENERATED));
        fixture.linkCreatedByQr(PHONE, account);

        history.await(r -> r.key().equals(account) && type(r).equals("PUSH_NAME") && last(r), WITHIN);
        history.await(r -> r.key().equals(account) && type(r).equals("INITIAL_BOOTSTRAP") && last(r), WITHIN);
        List<ConsumerRecord<String, GenericRecord>> records = history.seen().stream()
                .filter(r -> r.key().equals(account)).toList();
        assertThat(records).allSatisfy(r -> assertThat(r.serializedValueSize()).isLessThan(512 * 1024));
        assertThat(records).extracting(r -> r.value().get("eventId").toString()).doesNotHaveDuplicates();

        List<GenericRecord> bootstrap = records.stream().map(ConsumerRecord::value)
                .filter(v -> v.get("syncType").toString().equals("INITIAL_BOOTSTRAP"))
                .sorted(Comparator.comparingInt(v -> (Integer) v.get("part"))).toList();
        int parts = (Integer) bootstrap.getLast().get("parts");
        assertThat(parts).as("3,002 messages of about 400 bytes do not fit one part").isGreaterThan(2);
        assertThat(bootstrap).extracting(v -> (Integer) v.get("part")).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, parts).boxed().toList());
        assertThat(bootstrap).allSatisfy(v -> {
            assertThat(v.get("chunkOrder")).isEqualTo(0);
            assertThat(v.get("progress")).isEqualTo(100);
            assertThat(v.get("account").toString()).isEqualTo(account);
        });

        Map<String, List<GenericRecord>> messagesByChat = bootstrap.stream()
                .flatMap(v -> ((List<?>) v.get("conversations")).stream().map(GenericRecord.class::cast))
                .collect(Collectors.groupingBy(c -> c.get("chat").toString(), Collectors.flatMapping(
                        c -> ((List<?>) c.get("messages")).stream().map(GenericRecord.class::cast), Collectors.toList())));
        assertThat(messagesByChat).hasSize(3);
        assertThat(messagesByChat.values().stream().mapToInt(List::size).sum()).isEqualTo(2 * GENERATED + 2);
        List<GenericRecord> withBob = messagesByChat.get(BOB);
        assertThat(withBob).extracting(m -> ((GenericRecord) m.get("content")).get("text").toString())
                .containsExactly("hello there", "hi Bob");
        assertThat(withBob.getFirst().get("pushName")).hasToString("Bobby");
        assertThat(((GenericRecord) withBob.getFirst().get("key")).get("fromMe")).isEqualTo(false);
        assertThat(((GenericRecord) withBob.get(1).get("key")).get("fromMe")).isEqualTo(true);
        assertThat(withBob.getFirst().get("chat")).hasToString(BOB);
        // each history message is exactly a live message event, with the same event id rule
        assertThat(withBob.getFirst().get("eventId")).hasToString(io.tryx.schemas.EventIds.derive(account, BOB, "B2",
                io.tryx.schemas.EventKind.MESSAGE));
        List<String> names = bootstrap.stream()
                .flatMap(v -> ((List<?>) v.get("conversations")).stream().map(GenericRecord.class::cast))
                .map(c -> c.get("name")).filter(Objects::nonNull).map(Object::toString).toList();
        assertThat(names).containsExactlyInAnyOrder("Bob", "Chat 0", "Chat 1");

        GenericRecord pushNames = records.stream().map(ConsumerRecord::value)
                .filter(v -> v.get("syncType").toString().equals("PUSH_NAME")).findFirst().orElseThrow();
        assertThat(((List<?>) pushNames.get("pushNames")).stream().map(GenericRecord.class::cast)
                .collect(Collectors.toMap(p -> p.get("user").toString(), p -> p.get("pushName").toString())))
                .containsEntry(BOB, "Bobby").containsEntry("15558000001@s.whatsapp.net", "Contact 1");
        assertThat(pushNames.get("chunkOrder")).isEqualTo(1);
        assertThat(pushNames.get("parts")).isEqualTo(1);
    }

    @Test
    void aBatchWhoseBlobFailsEndsWithAFailureRecordAndTheChatGoesOn() throws Exception {
        String phone = "15550002403";
        String account = fixture.admin.createAccount(phone, "Broken history");
        seed(phone, """
                {"conversations":[{"jid":"%s","messages":[{"id":"C1","fromMe":false,"text":"lost"}]}],
                 "fault":"corrupt-blob"}
                """.formatted(BOB));
        fixture.linkCreatedByQr(phone, account);

        GenericRecord failed = history.await(r -> r.key().equals(account) && r.value().get("failure") != null, WITHIN)
                .value();
        assertThat(failed.get("failure")).hasToString("VERIFICATION");
        assertThat(failed.get("failureDetail")).isNotNull();
        assertThat((Integer) failed.get("parts")).isEqualTo((Integer) failed.get("part") + 1);
        assertThat((List<?>) failed.get("conversations")).isEmpty();
    }

    private void seed(String json) throws Exception {
        seed(PHONE, json);
    }

    private void seed(String phone, String json) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(simulator.adminUrl())
                            .resolve("/admin/accounts/" + phone + "/history"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    private static String type(ConsumerRecord<String, GenericRecord> record) {
        return record.value().get("syncType").toString();
    }

    private static boolean last(ConsumerRecord<String, GenericRecord> record) {
        return (Integer) record.value().get("parts") == (Integer) record.value().get("part") + 1;
    }
}
