package io.tryx.bridge.runtime;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static io.tryx.bridge.runtime.BridgeFixture.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge end to end against the real test broker and registry and the in-process simulator: accounts added
 * and linked by command, events decoded by a plain consumer with the registry alone, commands acting at the
 * simulator with one result each.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeSimulatorTest {

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;

    BridgeSimulatorTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
    }

    @AfterAll
    void stop() {
        var published = fixture.meters.timer("tryx.events.publish.latency", "family", "messages");
        var commands = fixture.meters.find("tryx.commands.latency").tag("action", "messages.SendMessage").timer();
        LoggerFactory.getLogger(BridgeSimulatorTest.class).info(
                "figures: {} message events, publish latency mean {} ms max {} ms; {} SendMessage commands, consumed to "
                        + "result acked mean {} ms max {} ms", published.count(),
                published.mean(TimeUnit.MILLISECONDS), published.max(TimeUnit.MILLISECONDS),
                commands == null ? 0 : commands.count(), commands == null ? 0 : commands.mean(TimeUnit.MILLISECONDS),
                commands == null ? 0 : commands.max(TimeUnit.MILLISECONDS));
        fixture.close();
        simulator.close();
    }

    @Test
    void addAccountByQrPublishesTheQrCodeThenPairedAndConnectedAndAnswersOneSuccess() {
        String account = fixture.admin.createAccount("15550002001", "Ann");
        String add = fixture.send(account, AddAccount.newBuilder().setMode(PairingMode.QR).build());

        ConsumerRecord<String, GenericRecord> qrEvent = fixture.connectionEvent(account, "QrCodeIssued");
        GenericRecord event = qrEvent.value();
        assertThat(event.getSchema().getFullName()).isEqualTo("io.tryx.events.v1.ConnectionEvent");
        assertThat(event.get("account")).hasToString(account);
        assertThat(event.get("chat")).hasToString(account);
        Instant at = (Instant) event.get("timestamp");
        assertThat(event.get("eventId")).hasToString(EventIds.derive(account, account, Long.toString(at.toEpochMilli()),
                EventKind.CONNECTION_QR_CODE_ISSUED));
        assertThat(((GenericRecord) event.get("source")).get("bridgeVersion").toString()).isNotBlank();
        GenericRecord qr = (GenericRecord) event.get("state");
        assertThat((Instant) qr.get("expiresAt")).isAfter(at);
        String code = qr.get("code").toString();
        assertThat(fixture.status(account).orElseThrow().qrCode()).contains(code);
        CommandResult result = fixture.result(add);
        assertThat(result.getAccount()).isEqualTo(account);
        assertThat(result.getStatus()).isInstanceOf(CommandSucceeded.class);

        String device = fixture.admin.scanQr("15550002001", code);

        GenericRecord paired = (GenericRecord) fixture.connectionEvent(account, "Paired").value().get("state");
        assertThat(paired.get("device")).hasToString(device);
        GenericRecord connected = fixture.connectionEvent(account, "Connected").value();
        assertThat(((GenericRecord) connected.get("source")).get("device")).hasToString(device);
        assertThat(((GenericRecord) connected.get("state")).get("lid").toString()).endsWith("@lid");
        await().atMost(WITHIN).until(() -> fixture.status(account).orElseThrow().state().equals("CONNECTED"));
        assertThat(fixture.status(account).orElseThrow().jid()).contains(device);
        assertThat(fixture.status(account).orElseThrow().qrCode()).isEmpty();
        assertThat(fixture.results.poll().stream().filter(r -> r.value().getCommandId().equals(add))).hasSize(1);
        assertThat(fixture.connection.seen().stream().filter(r -> r.key().equals(account)).map(r -> stateOf(r.value())))
                .containsSubsequence("QrCodeIssued", "Paired", "Connected");
    }

    @Test
    void addAccountByPairCodePublishesTheCodeToTypeAndLinksWithoutQr() {
        String account = fixture.admin.createAccount("15550002002", "Bob");
        String add = fixture.send(account, AddAccount.newBuilder().setMode(PairingMode.PAIR_CODE).build());

        GenericRecord issued = (GenericRecord) fixture.connectionEvent(account, "PairCodeIssued").value().get("state");
        String code = issued.get("code").toString();
        assertThat(code).hasSize(8);
        assertThat(fixture.status(account).orElseThrow().pairCode()).contains(code);
        assertThat(fixture.result(add).getStatus()).isInstanceOf(CommandSucceeded.class);

        fixture.admin.enterPairCode("15550002002", code);

        fixture.connectionEvent(account, "Connected");
        assertThat(fixture.connection.seen().stream().filter(r -> r.key().equals(account)).map(r -> stateOf(r.value())))
                .doesNotContain("QrCodeIssued").containsSubsequence("PairCodeIssued", "Paired", "Connected");
    }

    @Test
    void phoneTextsArriveInOrderAsMessageEventsThatAPlainConsumerDecodesWithTheRegistryAlone() {
        String account = fixture.linkByQr("15550002003");
        String friend = fixture.admin.createAccount("15550002004", "Friend");
        String device = fixture.status(account).orElseThrow().jid().orElseThrow();

        List<String> ids = List.of(
                fixture.admin.sendText("15550002004", account, "first"),
                fixture.admin.sendText("15550002004", account, "second"),
                fixture.admin.sendText("15550002004", account, "third"));

        List<ConsumerRecord<String, GenericRecord>> records = fixture.messages.await(
                r -> r.key().equals(account + "|" + friend), 3, WITHIN);
        assertThat(records.stream().map(r -> r.partition()).distinct()).hasSize(1);
        for (int i = 0; i < 3; i++) {
            GenericRecord message = records.get(i).value();
            assertThat(message.getSchema().getFullName()).isEqualTo("io.tryx.events.v1.MessageEvent");
            assertThat(message.get("eventId")).hasToString(EventIds.derive(account, friend, ids.get(i), EventKind.MESSAGE));
            assertThat(message.get("account")).hasToString(account);
            assertThat(message.get("chat")).hasToString(friend);
            assertThat((Instant) message.get("timestamp")).isAfter(Instant.now().minusSeconds(60));
            GenericRecord key = (GenericRecord) message.get("key");
            assertThat(key.get("id")).hasToString(ids.get(i));
            assertThat(key.get("chat")).hasToString(friend);
            assertThat(key.get("fromMe")).isEqualTo(false);
            assertThat(key.get("sender")).isNull();
            assertThat(message.get("pushName")).hasToString("Friend");
            GenericRecord content = (GenericRecord) message.get("content");
            assertThat(content.getSchema().getName()).isEqualTo("TextContent");
            assertThat(content.get("text")).hasToString(List.of("first", "second", "third").get(i));
            assertThat(content.get("linkPreview")).isNull();
            GenericRecord source = (GenericRecord) message.get("source");
            assertThat(source.get("device")).hasToString(device);
            assertThat(source.get("serverTimestamp")).isEqualTo(message.get("timestamp"));
            assertThat((List<?>) ((GenericRecord) message.get("context")).get("mentions")).isEmpty();
            assertThat(message.get("viewOnce")).isEqualTo(false);
        }
        assertThat(fixture.meters.counter("tryx.events.published", "family", "messages").count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void sendMessageReachesThePhoneAndAnswersOnceWithTheMessageIdAndARepeatGetsTheSameResult() {
        String account = fixture.linkByQr("15550002005");
        String friend = fixture.admin.createAccount("15550002006", "Friend");
        var command = io.tryx.commands.v1.Command.newBuilder().setCommandId(fixture.nextCommandId()).setAccount(account)
                .setAction(SendMessage.newBuilder().setChat(friend)
                        .setContent(TextContent.newBuilder().setText("hello from Kafka").build()).build())
                .build();

        long begin = System.nanoTime();
        fixture.send(command);

        CommandResult result = fixture.result(command.getCommandId());
        LoggerFactory.getLogger(BridgeSimulatorTest.class).info("figures: SendMessage round trip (produce to result "
                + "consumed) {} ms", (System.nanoTime() - begin) / 1_000_000);
        CommandSucceeded sent = (CommandSucceeded) result.getStatus();
        String id = sent.getMessageId().orElseThrow();
        assertThat(sent.getServerTimestamp()).isPresent();
        await().atMost(WITHIN).until(() -> fixture.admin.inbox("15550002006").stream()
                .anyMatch(m -> m.id().equals(id) && "hello from Kafka".equals(m.text())));
        // the phone's delivery receipt comes back as a receipt event
        GenericRecord receipt = fixture.receipts.await(r -> r.key().equals(account + "|" + friend)
                && ((List<?>) r.value().get("messageIds")).stream().anyMatch(m -> m.toString().equals(id)), WITHIN).value();
        assertThat(receipt.get("type")).hasToString("DELIVERY");

        fixture.send(command); // the same command id again: the first result, not a second message

        List<ConsumerRecord<String, CommandResult>> answers = fixture.results.await(
                r -> r.value().getCommandId().equals(command.getCommandId()), 2, WITHIN);
        assertThat(answers.get(1).value().getStatus()).isEqualTo(result.getStatus());
        assertThat(answers.get(1).key()).isEqualTo(account);
        assertThat(fixture.admin.inbox("15550002006").stream().filter(m -> "hello from Kafka".equals(m.text()))).hasSize(1);
    }

    @Test
    void invalidCommandsGoToTheDeadLetterTopicOrFailWithTheirReasonAndLaterCommandsStillWork() {
        String account = fixture.linkByQr("15550002007");
        String friend = fixture.admin.createAccount("15550002008", "Friend");
        byte[] key = account.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] garbage = {0x42, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03};
        fixture.sendRaw(key, garbage);
        var text = SendMessage.newBuilder().setChat(friend).setContent(TextContent.newBuilder().setText("x").build()).build();
        byte[] valid = new io.tryx.bridge.serde.AvroSerializer<io.tryx.commands.v1.Command>(fixture.registry,
                io.tryx.bridge.serde.AvroSerdeOptions.DEFAULTS, false).serialize(fixture.topics.commands(),
                io.tryx.commands.v1.Command.newBuilder().setCommandId("keyless").setAccount(account).setAction(text).build());
        fixture.sendRaw(null, valid);
        fixture.sendRaw("someone-else@s.whatsapp.net".getBytes(java.nio.charset.StandardCharsets.UTF_8), valid);
        fixture.send(io.tryx.commands.v1.Command.newBuilder().setCommandId("bad-account").setAccount("not a jid")
                .setAction(text).build());
        String unknown = fixture.send("15559999999@s.whatsapp.net", text);
        String unsupported = fixture.send(account, io.tryx.commands.v1.profile.SetProfilePicture.newBuilder()
                .setTarget("120363000000000001@g.us").setImage(io.tryx.commands.v1.MediaSource.newBuilder()
                        .setLocation(io.tryx.commands.v1.MediaUrl.newBuilder().setUrl("https://example.org/p.jpg").build())
                        .build()).build());
        String badChat = fixture.send(account, SendMessage.newBuilder().setChat("not@a@jid")
                .setContent(TextContent.newBuilder().setText("x").build()).build());
        String broadcast = fixture.send(account, SendMessage.newBuilder().setChat("1234567890@broadcast")
                .setContent(TextContent.newBuilder().setText("x").build()).build());
        String later = fixture.send(account, SendMessage.newBuilder().setChat(friend)
                .setContent(TextContent.newBuilder().setText("still working").build()).build());

        var letters = fixture.deadLetters.await(r -> true, 4, WITHIN).stream().map(ConsumerRecord::value)
                .collect(java.util.stream.Collectors.toMap(l -> l.getReason().name(), l -> l));
        assertThat(letters).containsOnlyKeys("UNDECODABLE", "MISSING_KEY", "KEY_MISMATCH", "UNKNOWN_ACCOUNT");
        assertThat(letters.get("UNDECODABLE").getDetail()).contains("BAD_MAGIC");
        assertThat(letters.get("UNDECODABLE").getValue().orElseThrow()).isEqualTo(java.nio.ByteBuffer.wrap(garbage));
        assertThat(letters.get("UNDECODABLE").getOriginalTopic()).isEqualTo(fixture.topics.commands());
        assertThat(letters.get("MISSING_KEY").getKey()).isEmpty();
        assertThat(letters.get("KEY_MISMATCH").getDetail()).contains("someone-else@s.whatsapp.net");
        assertThat(letters.get("UNKNOWN_ACCOUNT").getDetail()).contains("not a jid");

        assertThat(failure(unknown).getCode().name()).isEqualTo("UNKNOWN_ACCOUNT");
        var notYet = failure(unsupported);
        assertThat(notYet.getCode().name()).isEqualTo("UNSUPPORTED");
        assertThat(notYet.getMessage()).contains("120363000000000001@g.us").contains("own picture");
        assertThat(failure(badChat).getCode().name()).isEqualTo("INVALID_COMMAND");
        assertThat(failure(broadcast).getCode().name()).isEqualTo("UNSUPPORTED");
        String id = ((CommandSucceeded) fixture.result(later).getStatus()).getMessageId().orElseThrow();
        await().atMost(WITHIN).until(() -> fixture.admin.inbox("15550002008").stream().anyMatch(m -> m.id().equals(id)));
        assertThat(fixture.results.seen().stream().map(r -> r.value().getCommandId())).doesNotContain("keyless", "bad-account");
        assertThat(fixture.meters.counter("tryx.commands.dead_letters", "reason", "UNDECODABLE").count()).isEqualTo(1);
    }

    @Test
    void logOutUnlinksTheDeviceAndRemoveAccountForgetsTheAccount() {
        String account = fixture.linkByQr("15550002009");
        String friend = fixture.admin.createAccount("15550002010", "Friend");
        assertThat(fixture.admin.linkedDevices("15550002009")).isEqualTo(1);

        String logout = fixture.send(account, io.tryx.commands.v1.account.LogOut.newBuilder().build());

        assertThat(fixture.result(logout).getStatus()).isInstanceOf(CommandSucceeded.class);
        GenericRecord loggedOut = (GenericRecord) fixture.connectionEvent(account, "LoggedOut").value().get("state");
        assertThat(loggedOut.get("reason")).hasToString("CLIENT_REQUESTED");
        assertThat(fixture.admin.linkedDevices("15550002009")).isZero();
        await().atMost(WITHIN).until(() -> fixture.status(account).orElseThrow().state().equals("LOGGED_OUT"));
        String send = fixture.send(account, SendMessage.newBuilder().setChat(friend)
                .setContent(TextContent.newBuilder().setText("x").build()).build());
        var notConnected = failure(send);
        assertThat(notConnected.getCode().name()).isEqualTo("NOT_CONNECTED");
        assertThat(notConnected.getRetryable()).isTrue();

        String remove = fixture.send(account, io.tryx.commands.v1.account.RemoveAccount.newBuilder().build());

        assertThat(fixture.result(remove).getStatus()).isInstanceOf(CommandSucceeded.class);
        assertThat(fixture.status(account)).isEmpty();
        assertThat(failure(fixture.send(account, io.tryx.commands.v1.account.LogOut.newBuilder().build())).getCode().name())
                .isEqualTo("UNKNOWN_ACCOUNT");
    }

    @Test
    void twoHostedAccountsExchangeLocationsContactsRepliesReactionsAndReadReceiptsThroughCommands() {
        String ann = fixture.linkByQr("15550002011");
        String bob = fixture.linkByQr("15550002012");
        String first = sent(fixture.send(ann, SendMessage.newBuilder().setChat(bob)
                .setContent(TextContent.newBuilder().setText("lunch?").build()).build()));
        fixture.send(ann, SendMessage.newBuilder().setChat(bob).setContent(io.tryx.common.v1.LocationContent.newBuilder()
                .setLatitude(52.52).setLongitude(13.405).setName("Mitte").build()).build());
        String vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Cy\nTEL;waid=15550002013:+1 555 000 2013\nEND:VCARD";
        fixture.send(ann, SendMessage.newBuilder().setChat(bob).setContent(io.tryx.common.v1.ContactsContent.newBuilder()
                .setContacts(List.of(io.tryx.common.v1.ContactCard.newBuilder().setDisplayName("Cy").setVcard(vcard).build()))
                .build()).build());
        fixture.send(ann, SendMessage.newBuilder().setChat(bob).setContent(TextContent.newBuilder().setText("@15550002013 too?")
                .build()).setContext(io.tryx.common.v1.MessageContext.newBuilder()
                .setQuoted(io.tryx.common.v1.QuotedMessage.newBuilder().setKey(io.tryx.common.v1.MessageKey.newBuilder()
                        .setChat(bob).setId(first).setFromMe(true).build()).setText("lunch?").build())
                .setMentions(List.of("15550002013@s.whatsapp.net")).build()).build());
        sent(fixture.send(ann, io.tryx.commands.v1.messages.SendReaction.newBuilder().setMessage(io.tryx.common.v1.MessageKey
                .newBuilder().setChat(bob).setId(first).setFromMe(true).build()).setEmoji("🍕").build()));

        List<GenericRecord> atBob = fixture.messages.await(r -> r.key().equals(bob + "|" + ann), 5, WITHIN).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(atBob).extracting(m -> ((GenericRecord) m.get("content")).getSchema().getName())
                .containsExactly("TextContent", "LocationContent", "ContactsContent", "TextContent", "ReactionContent");
        GenericRecord location = (GenericRecord) atBob.get(1).get("content");
        assertThat(location.get("latitude")).isEqualTo(52.52);
        assertThat(location.get("name")).hasToString("Mitte");
        GenericRecord card = (GenericRecord) ((List<?>) ((GenericRecord) atBob.get(2).get("content")).get("contacts")).getFirst();
        assertThat(card.get("vcard")).hasToString(vcard);
        GenericRecord reply = (GenericRecord) atBob.get(3).get("context");
        GenericRecord quoted = (GenericRecord) reply.get("quoted");
        assertThat(((GenericRecord) quoted.get("key")).get("id")).hasToString(first);
        assertThat(((GenericRecord) quoted.get("key")).get("fromMe")).isEqualTo(false);
        assertThat(quoted.get("text")).hasToString("lunch?");
        assertThat((List<?>) reply.get("mentions")).extracting(Object::toString).containsExactly("15550002013@s.whatsapp.net");
        GenericRecord reaction = (GenericRecord) atBob.get(4).get("content");
        assertThat(reaction.get("emoji")).hasToString("🍕");
        assertThat(((GenericRecord) reaction.get("target")).get("id")).hasToString(first);
        assertThat(((GenericRecord) reaction.get("target")).get("fromMe")).isEqualTo(false);

        String read = fixture.send(bob, io.tryx.commands.v1.messages.MarkRead.newBuilder().setChat(ann)
                .setMessageIds(List.of(first)).build());
        assertThat(fixture.result(read).getStatus()).isInstanceOf(CommandSucceeded.class);
        GenericRecord receipt = fixture.receipts.await(r -> r.key().equals(ann + "|" + bob)
                && r.value().get("type").toString().equals("READ"), WITHIN).value();
        assertThat((List<?>) receipt.get("messageIds")).extracting(Object::toString).containsExactly(first);
    }

    private String sent(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).isInstanceOf(CommandSucceeded.class);
        return ((CommandSucceeded) status).getMessageId().orElseThrow();
    }

    private io.tryx.commands.v1.CommandFailed failure(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).isInstanceOf(io.tryx.commands.v1.CommandFailed.class);
        return (io.tryx.commands.v1.CommandFailed) status;
    }
}
