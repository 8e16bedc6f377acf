package io.tryx.bridge.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.protocol.store.sql.EmbeddedPostgresServer;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code connect-config/} works as shipped: Kafka Connect standalone (a child JVM, the worker file as is but for the
 * addresses) runs the Debezium JDBC sink from its plugin folder with Apicurio's Avro converter against the registry,
 * and the message events a real bridge publishes (two accounts on the simulator texting) become rows of an
 * auto-created PostgreSQL table, one per event id: a record delivered twice is upserted, not duplicated.
 */
@ExtendWith(KafkaExtension.class)
class PostgresSinkIT {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSinkIT.class);
    private static final Path CONFIG = Path.of(System.getProperty("tryx.connect.config", "../connect-config"));
    private static final Path PLUGINS = Path.of(System.getProperty("tryx.connect.plugins", "target/connect-plugins"));

    @Test
    void theBridgesMessageEventsLandInPostgresOneRowPerEvent(KafkaTestEnvironment env, @TempDir Path dir)
            throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(false);
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             BridgeFixture fixture = new BridgeFixture(env, simulator, dir.resolve("bridge"))) {
            String jdbcUrl = postgres.createDatabase();
            fixture.startBridge();
            String ann = fixture.linkByQr("15550004301");
            String bob = fixture.linkByQr("15550004302");
            List<String> texts = List.of("to the database", "and another row", "zażółć gęślą jaźń");
            for (String text : texts) {
                fixture.send(ann, SendMessage.newBuilder().setChat(bob)
                        .setContent(TextContent.newBuilder().setText(text).build()).build());
            }
            List<ConsumerRecord<String, GenericRecord>> events = fixture.messages.await(
                    r -> r.value().get("account").toString().equals(bob), texts.size(), WITHIN);

            long started = System.nanoTime();
            Process connect = startConnect(env, fixture, jdbcUrl, dir);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> rows(jdbcUrl, bob).size() == texts.size() || !connect.isAlive());
                assertThat(connect.isAlive()).as("Connect is running").isTrue();
                LOG.info("the first rows arrived {} ms after Kafka Connect was started",
                        (System.nanoTime() - started) / 1_000_000);
                List<Map<String, Object>> rows = rows(jdbcUrl, bob);
                assertThat(rows).extracting(r -> r.get("text")).containsExactlyInAnyOrderElementsOf(texts);
                assertThat(rows).extracting(r -> r.get("eventid")).containsExactlyInAnyOrderElementsOf(
                        events.stream().map(e -> e.value().get("eventId").toString()).toList());
                assertThat(rows).allSatisfy(r -> {
                    assertThat(r.get("chat")).isEqualTo(ann);
                    assertThat(r.get("key_fromme")).isEqualTo(false);
                    assertThat(r.get("timestamp")).isInstanceOf(java.sql.Timestamp.class);
                });

                redeliver(env, events.getFirst());
                String marker = "after the redelivery";
                fixture.send(bob, SendMessage.newBuilder().setChat(ann)
                        .setContent(TextContent.newBuilder().setText(marker).build()).build());
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> rows(jdbcUrl, ann).stream().anyMatch(r -> marker.equals(r.get("text"))));
                assertThat(rows(jdbcUrl, bob)).as("the redelivered event is upserted").hasSize(texts.size());
            } catch (AssertionError | RuntimeException e) {
                LOG.error("Kafka Connect's log:\n{}", Files.readString(dir.resolve("connect.log")));
                throw e;
            } finally {
                connect.destroy();
                connect.waitFor();
            }
        } finally {
            postgres.close();
        }
    }

    /**
     * {@code connect-standalone.sh} as a user runs it: a child JVM ({@link ConnectStandalone} on the test class path)
     * with the worker file from connect-config/ (addresses, offsets file and plugin folder replaced) and the sink
     * from postgres-sink.json (topic and database replaced). Not in this JVM: the bridge here registers Avro's
     * timestamp conversion on the JVM-wide {@code GenericData}, which a worker of its own never has.
     */
    private static Process startConnect(KafkaTestEnvironment env, BridgeFixture fixture, String jdbcUrl, Path dir)
            throws IOException {
        Properties worker = new Properties();
        try (Reader reader = Files.newBufferedReader(CONFIG.resolve("connect-standalone.properties"))) {
            worker.load(reader);
        }
        worker.setProperty("bootstrap.servers", env.bootstrapServers());
        worker.setProperty("value.converter.apicurio.registry.url",
                env.registryUrl().replace("/apis/ccompat/v7", "/apis/registry/v2"));
        worker.setProperty("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        worker.setProperty("listeners", "http://127.0.0.1:0");
        worker.setProperty("plugin.path", PLUGINS.toAbsolutePath().toString());
        Path workerFile = dir.resolve("worker.properties");
        try (var out = Files.newBufferedWriter(workerFile)) {
            worker.store(out, "connect-config/connect-standalone.properties for this test");
        }

        ObjectMapper json = new ObjectMapper();
        ObjectNode sink = (ObjectNode) json.readTree(CONFIG.resolve("postgres-sink.json").toFile());
        ObjectNode config = (ObjectNode) sink.get("config");
        config.put("topics", fixture.topics.events(TopicNames.EventFamily.MESSAGES));
        config.put("connection.url", jdbcUrl);
        config.put("connection.username", EmbeddedPostgresServer.USER);
        config.put("connection.password", "");
        Path connector = dir.resolve("postgres-sink.json");
        json.writeValue(connector.toFile(), sink);

        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                ConnectStandalone.class.getName(), workerFile.toString(), connector.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("connect.log").toFile()).start();
    }

    private static void redeliver(KafkaTestEnvironment env, ConsumerRecord<String, GenericRecord> event) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
                env.consumerConfig("redeliver"), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(env.producerConfig(), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            var partition = new org.apache.kafka.common.TopicPartition(event.topic(), event.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, event.offset());
            var raw = await().atMost(WITHIN).until(() -> consumer.poll(Duration.ofMillis(200)).records(partition),
                    records -> !records.isEmpty()).getFirst();
            producer.send(new ProducerRecord<>(event.topic(), event.partition(), raw.key(), raw.value())).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot redeliver " + event.offset(), e);
        }
    }

    /** The sink table's rows of {@code account}, by lowercase column name. */
    private static List<Map<String, Object>> rows(String jdbcUrl, String account) throws SQLException {
        try (Connection connection = EmbeddedPostgresServer.connect(jdbcUrl);
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "tryx_messages", null)) {
                exists = tables.next();
            }
            if (!exists) {
                return List.of();
            }
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT * FROM tryx_messages")) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    row.put("text", row.get("content_textcontent_text"));
                    if (account.equals(row.get("account"))) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }
}
