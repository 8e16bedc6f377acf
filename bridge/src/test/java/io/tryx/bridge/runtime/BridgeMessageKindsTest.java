package io.tryx.bridge.runtime;

import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.RegistryOnlyDeserializer;
import io.tryx.bridge.testkit.Tail;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message event contract end to end: an account added by command and linked by its QR events, then the friend's
 * mock phone sends every kind it supports (text, location, contact, reaction, edit, revoke) and a plain Kafka
 * consumer that knows nothing but the registry (writer schema by id, generic decoding, no generated classes) sees
 * one record per message with the kind's fields.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeMessageKindsTest {

    private static final String ACCOUNT_PHONE = "15550003001";
    private static final String FRIEND_PHONE = "15550003002";

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;
    private SchemaRegistryClient plainRegistry;
    private Tail<GenericRecord> plain;

    BridgeMessageKindsTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
        plainRegistry = env.registryClient();
        plain = new Tail<>(env.bootstrapServers(), fixture.topics.events(EventFamily.MESSAGES),
                new RegistryOnlyDeserializer(plainRegistry));
    }

    @AfterAll
    void stop() {
        plain.close();
        plainRegistry.close();
        fixture.close();
        simulator.close();
    }

    @Test
    void everyMockPhoneKindArrivesOnceWithItsFieldsForAConsumerThatKnowsOnlyTheRegistry() {
        String account = fixture.linkByQr(ACCOUNT_PHONE);
        String friend = fixture.admin.createAccount(FRIEND_PHONE, "Friend");
        String ours = ((CommandSucceeded) fixture.result(fixture.send(account, SendMessage.newBuilder().setChat(friend)
                .setContent(TextContent.newBuilder().setText("from the bridge").build()).build())).getStatus())
                .getMessageId().orElseThrow();
        awaitInbox(ours);
        String vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Cy Example\nTEL;waid=15550003003:+1 555 000 3003\nEND:VCARD";

        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("text", fixture.admin.sendText(FRIEND_PHONE, account, "hello there"));
        sent.put("location", fixture.admin.sendLocation(FRIEND_PHONE, account, 48.8584, 2.2945, "Tour Eiffel"));
        sent.put("contact", fixture.admin.sendContact(FRIEND_PHONE, account, "Cy Example", vcard));
        sent.put("reaction", fixture.admin.sendReaction(FRIEND_PHONE, account, sent.get("text"), "👍"));
        sent.put("reactionToOurs", fixture.admin.sendReaction(FRIEND_PHONE, account, ours, "❤️"));
        sent.put("typo", fixture.admin.sendText(FRIEND_PHONE, account, "helo"));
        sent.put("edit", fixture.admin.sendEdit(FRIEND_PHONE, account, sent.get("typo"), "hello, fixed"));
        sent.put("revoke", fixture.admin.sendRevoke(FRIEND_PHONE, account, sent.get("location")));

        String key = account + "|" + friend;
        List<ConsumerRecord<String, GenericRecord>> records = plain.await(r -> r.key().equals(key), sent.size(), WITHIN);
        Map<String, GenericRecord> byId = records.stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(m -> str(field(m, "key", "id")), Function.identity()));
        assertThat(byId).as("one record per message, nothing else").containsOnlyKeys(sent.values());
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
        assertThat(records).extracting(r -> str(field(r.value(), "key", "id"))).containsExactlyElementsOf(sent.values());
        for (GenericRecord message : byId.values()) {
            assertThat(message).isInstanceOf(GenericData.Record.class).isNotInstanceOf(SpecificRecord.class);
            assertThat(message.getSchema().getFullName()).isEqualTo("io.tryx.events.v1.MessageEvent");
            String id = str(field(message, "key", "id"));
            assertThat(str(message.get("eventId"))).isEqualTo(EventIds.derive(account, friend, id, EventKind.MESSAGE));
            assertThat(str(message.get("account"))).isEqualTo(account);
            assertThat(str(message.get("chat"))).isEqualTo(friend);
            assertThat(field(message, "key", "fromMe")).isEqualTo(false);
            assertThat((Long) message.get("timestamp")).as("timestamp-millis as a plain long")
                    .isBetween(Instant.now().minusSeconds(120).toEpochMilli(), Instant.now().plusSeconds(5).toEpochMilli());
            assertThat(str(message.get("pushName"))).isEqualTo("Friend");
        }

        GenericRecord text = content(byId, sent, "text", "TextContent");
        assertThat(str(text.get("text"))).isEqualTo("hello there");
        assertThat(text.get("linkPreview")).isNull();

        GenericRecord location = content(byId, sent, "location", "LocationContent");
        assertThat(location.get("latitude")).isEqualTo(48.8584);
        assertThat(location.get("longitude")).isEqualTo(2.2945);
        assertThat(str(location.get("name"))).isEqualTo("Tour Eiffel");
        assertThat(location.get("live")).isEqualTo(false);

        GenericRecord contacts = content(byId, sent, "contact", "ContactsContent");
        List<?> cards = (List<?>) contacts.get("contacts");
        assertThat(cards).hasSize(1);
        assertThat(str(((GenericRecord) cards.getFirst()).get("displayName"))).isEqualTo("Cy Example");
        assertThat(str(((GenericRecord) cards.getFirst()).get("vcard"))).isEqualTo(vcard);

        GenericRecord reaction = content(byId, sent, "reaction", "ReactionContent");
        assertThat(str(reaction.get("emoji"))).isEqualTo("👍");
        assertTarget(reaction, friend, sent.get("text"), false);
        assertThat((Long) reaction.get("senderTimestamp")).isPositive();

        GenericRecord reactionToOurs = content(byId, sent, "reactionToOurs", "ReactionContent");
        assertThat(str(reactionToOurs.get("emoji"))).isEqualTo("❤️");
        assertTarget(reactionToOurs, friend, ours, true);

        assertThat(str(content(byId, sent, "typo", "TextContent").get("text"))).isEqualTo("helo");
        GenericRecord edit = content(byId, sent, "edit", "EditContent");
        assertThat(str(edit.get("text"))).isEqualTo("hello, fixed");
        assertTarget(edit, friend, sent.get("typo"), false);

        GenericRecord revoke = content(byId, sent, "revoke", "RevokeContent");
        assertTarget(revoke, friend, sent.get("location"), false);

        assertThat(plain.poll().stream().filter(r -> r.key().equals(key))).as("no duplicates after a further poll")
                .hasSize(sent.size());
    }

    private void awaitInbox(String id) {
        org.awaitility.Awaitility.await().atMost(WITHIN)
                .until(() -> fixture.admin.inbox(FRIEND_PHONE).stream().anyMatch(m -> m.id().equals(id)));
    }

    private static GenericRecord content(Map<String, GenericRecord> byId, Map<String, String> sent, String what,
                                         String expectedType) {
        GenericRecord content = (GenericRecord) byId.get(sent.get(what)).get("content");
        assertThat(content.getSchema().getName()).as(what).isEqualTo(expectedType);
        return content;
    }

    private static void assertTarget(GenericRecord content, String chat, String id, boolean fromMe) {
        GenericRecord target = (GenericRecord) content.get("target");
        assertThat(str(target.get("chat"))).isEqualTo(chat);
        assertThat(str(target.get("id"))).isEqualTo(id);
        assertThat(target.get("fromMe")).isEqualTo(fromMe);
        assertThat(target.get("sender")).isNull();
    }

    private static Object field(GenericRecord record, String name, String inner) {
        return ((GenericRecord) record.get(name)).get(inner);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
