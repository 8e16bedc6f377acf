package io.tryx.bridge.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.Tail;
import io.tryx.commands.v1.Blocklist;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.MediaSource;
import io.tryx.commands.v1.MediaUrl;
import io.tryx.commands.v1.OnWhatsAppResults;
import io.tryx.commands.v1.PrivacySettings;
import io.tryx.commands.v1.ProfilePictureInfo;
import io.tryx.commands.v1.UserInfoResults;
import io.tryx.commands.v1.blocking.BlockUser;
import io.tryx.commands.v1.blocking.GetBlocklist;
import io.tryx.commands.v1.blocking.UnblockUser;
import io.tryx.commands.v1.chatactions.ArchiveChat;
import io.tryx.commands.v1.chatactions.ClearChat;
import io.tryx.commands.v1.chatactions.DeleteChat;
import io.tryx.commands.v1.chatactions.DeleteMessageForMe;
import io.tryx.commands.v1.chatactions.MarkChatRead;
import io.tryx.commands.v1.chatactions.MuteChat;
import io.tryx.commands.v1.chatactions.PinChat;
import io.tryx.commands.v1.chatactions.StarMessage;
import io.tryx.commands.v1.contacts.CheckOnWhatsApp;
import io.tryx.commands.v1.contacts.GetProfilePicture;
import io.tryx.commands.v1.contacts.GetUserInfo;
import io.tryx.commands.v1.presence.SendChatState;
import io.tryx.commands.v1.presence.SetPresence;
import io.tryx.commands.v1.presence.SubscribePresence;
import io.tryx.commands.v1.privacy.GetPrivacySettings;
import io.tryx.commands.v1.privacy.PrivacySetting;
import io.tryx.commands.v1.privacy.PrivacyValue;
import io.tryx.commands.v1.privacy.SetPrivacySetting;
import io.tryx.commands.v1.profile.RemoveProfilePicture;
import io.tryx.commands.v1.profile.SetProfilePicture;
import io.tryx.commands.v1.profile.SetPushName;
import io.tryx.commands.v1.profile.SetStatusText;
import io.tryx.common.v1.ChatState;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.PresenceState;
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

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The social namespaces through the bridge, end to end against the test broker and registry and the in-process
 * simulator, one bridge hosting two linked accounts (Ann and Bob): every presence, contacts, privacy, blocking,
 * profile and chat-action command answered with exactly one result carrying the contract's outputs and checked at the
 * simulator (its admin API, or the other account); and what the other account or Ann's mock phone changes published as
 * presence, contact, chat-action and connection records, read with the registry alone.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeSocialTest {

    private static final String ANN_PHONE = "15550074001";
    private static final String BOB_PHONE = "15550074002";
    private static final String CY_PHONE = "15550074003";

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;
    private SocialAdmin social;
    private HttpServer files;
    private Tail<GenericRecord> presence;
    private Tail<GenericRecord> contacts;
    private Tail<GenericRecord> chatActions;
    private String ann;
    private String bob;
    private String cy;

    BridgeSocialTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws IOException, InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        social = new SocialAdmin(simulator.adminUrl());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
        presence = fixture.genericTail(EventFamily.PRESENCE);
        contacts = fixture.genericTail(EventFamily.CONTACTS);
        chatActions = fixture.genericTail(EventFamily.CHAT_ACTIONS);
        ann = fixture.linkByQr(ANN_PHONE);
        bob = fixture.linkByQr(BOB_PHONE);
        cy = fixture.admin.createAccount(CY_PHONE, "Cy");
        social.post(ANN_PHONE, "contacts", Map.of("jid", bob));
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] wide = png(900, 500);
        files.createContext("/wide.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, wide.length);
            exchange.getResponseBody().write(wide);
            exchange.close();
        });
        files.start();
    }

    @AfterAll
    void stop() {
        if (files != null) {
            files.stop(0);
        }
        for (AutoCloseable closeable : new AutoCloseable[] {presence, contacts, chatActions, social, fixture, simulator}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort in teardown
            }
        }
    }

    @Test
    void presenceAndChatStatesReachTheSubscriberAsPresenceRecords() {
        succeeded(fixture.send(bob, SetPresence.newBuilder().setState(PresenceState.UNAVAILABLE).build()));
        await().atMost(WITHIN).until(() -> !social.get(BOB_PHONE, "presence").path("online").asBoolean(true));

        succeeded(fixture.send(ann, SubscribePresence.newBuilder().setUser(bob).build()));
        GenericRecord away = presenceUpdate(ann, bob, "PresenceUpdate", u -> u.get("state").toString().equals("UNAVAILABLE"));
        assertThat(away.get("user")).hasToString(bob);
        assertThat(social.get(BOB_PHONE, "presence").path("subscribers").asInt()).isPositive();

        succeeded(fixture.send(bob, SetPresence.newBuilder().setState(PresenceState.AVAILABLE).build()));
        assertThat(social.get(BOB_PHONE, "presence").path("online").asBoolean()).isTrue();
        presenceUpdate(ann, bob, "PresenceUpdate", u -> u.get("state").toString().equals("AVAILABLE"));

        succeeded(fixture.send(bob, SendChatState.newBuilder().setChat(ann).setState(ChatState.COMPOSING).build()));
        GenericRecord typing = presenceUpdate(ann, bob, "ChatStateUpdate", u -> u.get("state").toString().equals("COMPOSING"));
        assertThat(typing.get("sender")).hasToString(bob);
        succeeded(fixture.send(bob, SendChatState.newBuilder().setChat(ann).setState(ChatState.PAUSED).build()));
        presenceUpdate(ann, bob, "ChatStateUpdate", u -> u.get("state").toString().equals("PAUSED"));

        assertThat(failed(fixture.send(bob, SendChatState.newBuilder().setChat("status@broadcast")
                .setState(ChatState.COMPOSING).build())).getCode().name()).isEqualTo("INVALID_COMMAND");
    }

    @Test
    void privacySettingsAreReadAndChangedAndThePhonesChangesArePublished() {
        PrivacySettings before = payload(fixture.send(ann, GetPrivacySettings.newBuilder().build()), PrivacySettings.class);
        assertThat(before.getEntries()).extracting(e -> e.getSetting() + "=" + e.getValue()).contains("ONLINE=ALL");

        PrivacySettings after = payload(fixture.send(ann, SetPrivacySetting.newBuilder().setSetting(PrivacySetting.STATUS)
                .setValue(PrivacyValue.CONTACTS).build()), PrivacySettings.class);
        assertThat(after.getEntries()).extracting(e -> e.getSetting() + "=" + e.getValue()).contains("STATUS=CONTACTS");
        assertThat(social.get(ANN_PHONE, "privacy").path("categories").path("status").asText()).isEqualTo("contacts");

        CommandFailed refused = failed(fixture.send(ann, SetPrivacySetting.newBuilder().setSetting(PrivacySetting.ONLINE)
                .setValue(PrivacyValue.CONTACTS).build()));
        assertThat(refused.getCode().name()).isEqualTo("INVALID_COMMAND");

        social.post(ANN_PHONE, "privacy", Map.of("name", "groupadd", "value", "contacts"));
        GenericRecord changed = contactUpdate(ann, ann, "PrivacySettingsChanged", u -> true);
        assertThat((List<?>) changed.get("changes")).extracting(c -> ((GenericRecord) c).get("setting") + "="
                + ((GenericRecord) c).get("value")).containsExactly("GROUP_ADD=CONTACTS");
    }

    @Test
    void blockingChangesTheServersListAndThePhonesBlocksArePublished() {
        Blocklist blocked = payload(fixture.send(ann, BlockUser.newBuilder().setUser(cy).build()), Blocklist.class);
        assertThat(blocked.getUsers()).containsExactly(cy);
        assertThat(social.get(ANN_PHONE, "blocklist")).extracting(n -> n.path("jid").asText()).containsExactly(cy);
        assertThat(payload(fixture.send(ann, GetBlocklist.newBuilder().build()), Blocklist.class).getUsers())
                .containsExactly(cy);
        assertThat(payload(fixture.send(ann, UnblockUser.newBuilder().setUser(cy).build()), Blocklist.class).getUsers())
                .isEmpty();
        assertThat(social.get(ANN_PHONE, "blocklist")).isEmpty();

        CommandFailed unknown = failed(fixture.send(ann, BlockUser.newBuilder().setUser("15550074999@s.whatsapp.net")
                .build()));
        assertThat(unknown.getCode().name()).isEqualTo("NOT_FOUND");

        JsonNode list = social.post(ANN_PHONE, "blocklist", Map.of("jid", cy, "action", "block"));
        String cyLid = list.get(0).path("lid").asText();
        GenericRecord block = contactUpdate(ann, null, "BlockChanged", u -> (Boolean) u.get("blocked"));
        assertThat(block).isNotNull();
        assertThat(contacts.seen().stream().filter(r -> r.key().startsWith(ann + "|")
                && updateName(r.value()).equals("BlockChanged")).map(r -> r.value().get("chat").toString()))
                .isNotEmpty().allMatch(chat -> chat.equals(cy) || chat.equals(cyLid));
        social.post(ANN_PHONE, "blocklist", Map.of("jid", cy, "action", "unblock"));
        contactUpdate(ann, null, "BlockChanged", u -> !(Boolean) u.get("blocked"));
    }

    @Test
    void contactQueriesAndProfileChangesTakeEffectAndReachTheContact() throws IOException {
        OnWhatsAppResults found = payload(fixture.send(ann, CheckOnWhatsApp.newBuilder()
                .setPhoneNumbers(List.of("+" + BOB_PHONE, "15550074998")).build()), OnWhatsAppResults.class);
        assertThat(found.getResults()).extracting(r -> r.getQuery() + " " + r.getOnWhatsApp() + " " + r.getJid().orElse("-"))
                .containsExactly("+" + BOB_PHONE + " true " + bob, "15550074998 false -");

        succeeded(fixture.send(ann, SetStatusText.newBuilder().setText("Out for lunch").build()));
        assertThat(social.get(ANN_PHONE, "profile").path("status").asText()).isEqualTo("Out for lunch");
        contactUpdate(bob, ann, "StatusTextChanged", u -> u.get("text").toString().equals("Out for lunch"));
        UserInfoResults info = payload(fixture.send(bob, GetUserInfo.newBuilder().setUsers(List.of(ann)).build()),
                UserInfoResults.class);
        assertThat(info.getUsers()).singleElement().satisfies(user -> {
            assertThat(user.getJid()).isEqualTo(ann);
            assertThat(user.getAbout()).contains("Out for lunch");
            assertThat(user.getDevices()).isNotEmpty();
        });

        succeeded(fixture.send(ann, SetPushName.newBuilder().setName("Ann Bee").build()));
        await().atMost(WITHIN).until(() -> social.get(ANN_PHONE, "profile").path("pushName").asText().equals("Ann Bee"));

        ProfilePictureInfo set = payload(fixture.send(ann, SetProfilePicture.newBuilder().setImage(MediaSource.newBuilder()
                .setLocation(MediaUrl.newBuilder().setUrl("http://127.0.0.1:" + files.getAddress().getPort() + "/wide.png")
                        .build()).build()).build()), ProfilePictureInfo.class);
        String pictureId = set.getPictureId().orElseThrow();
        assertThat(set.getJid()).isEqualTo(ann);
        assertThat(set.getUrl()).isPresent();
        assertThat(social.get(ANN_PHONE, "profile").path("pictureId").asText()).isEqualTo(pictureId);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(simulator.social().profiles()
                .picture(simulator.accounts().find(ANN_PHONE).orElseThrow()).orElseThrow().image().file())));
        assertThat(stored.getWidth()).as("cropped square").isEqualTo(500).isEqualTo(stored.getHeight());
        contactUpdate(bob, ann, "ProfilePictureChanged", u -> pictureId.equals(String.valueOf(u.get("pictureId"))));
        ProfilePictureInfo seen = payload(fixture.send(bob, GetProfilePicture.newBuilder().setJid(ann).build()),
                ProfilePictureInfo.class);
        assertThat(seen.getPictureId()).contains(pictureId);
        assertThat(seen.getUrl()).isPresent();

        assertThat(failed(fixture.send(ann, SetProfilePicture.newBuilder().setTarget("120363000000000009@g.us")
                .setImage(set.getUrl().map(url -> MediaSource.newBuilder().setLocation(MediaUrl.newBuilder().setUrl(url)
                        .build()).build()).orElseThrow()).build())).getCode().name()).isEqualTo("UNSUPPORTED");

        succeeded(fixture.send(ann, RemoveProfilePicture.newBuilder().build()));
        assertThat(social.get(ANN_PHONE, "profile").path("pictureId").isNull()).isTrue();
        contactUpdate(bob, ann, "ProfilePictureChanged", u -> (Boolean) u.get("removed"));
        ProfilePictureInfo gone = payload(fixture.send(bob, GetProfilePicture.newBuilder().setJid(ann).build()),
                ProfilePictureInfo.class);
        assertThat(gone.getUrl()).isEmpty();
        assertThat(gone.getPictureId()).isEmpty();
    }

    @Test
    void chatActionsArePatchesThePhoneAppliesAndEveryDevicesActionsArePublished() {
        social.post(ANN_PHONE, "app-state", Map.of("action", "pin", "chat", cy, "value", true));
        GenericRecord phonePin = chatAction(ann, cy, "PinAction", a -> (Boolean) a.get("pinned"));
        assertThat(phonePin).isNotNull();

        Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        MessageKey theirs = MessageKey.newBuilder().setChat(bob).setId("3EB0CAFE0001").setFromMe(false).build();
        List<Object> actions = List.of(
                PinChat.newBuilder().setChat(bob).setPinned(true).build(),
                MuteChat.newBuilder().setChat(bob).setMuted(true).setMutedUntil(until).build(),
                MarkChatRead.newBuilder().setChat(bob).setRead(false).build(),
                StarMessage.newBuilder().setMessage(theirs).setStarred(true).build(),
                DeleteMessageForMe.newBuilder().setMessage(theirs).setSentAt(Instant.now().minusSeconds(60)).build(),
                ArchiveChat.newBuilder().setChat(bob).setArchived(true).build(),
                ClearChat.newBuilder().setChat(bob).build(),
                DeleteChat.newBuilder().setChat(cy).build());
        for (Object action : actions) {
            succeeded(fixture.send(ann, action));
        }

        chatAction(ann, bob, "PinAction", a -> (Boolean) a.get("pinned"));
        assertThat(chatAction(ann, bob, "MuteAction", a -> (Boolean) a.get("muted")).get("mutedUntil"))
                .isEqualTo(until);
        chatAction(ann, bob, "MarkReadAction", a -> !(Boolean) a.get("read"));
        GenericRecord star = chatAction(ann, bob, "StarAction", a -> (Boolean) a.get("starred"));
        assertThat(((GenericRecord) star.get("message")).get("id")).hasToString("3EB0CAFE0001");
        chatAction(ann, bob, "DeleteForMeAction", a -> true);
        chatAction(ann, bob, "ArchiveAction", a -> (Boolean) a.get("archived"));
        chatAction(ann, bob, "ClearChatAction", a -> (Boolean) a.get("keepStarred"));
        chatAction(ann, cy, "DeleteChatAction", a -> true);

        List<String> phoneSees = new ArrayList<>();
        for (String collection : List.of("regular_low", "regular_high")) {
            JsonNode view = social.get(ANN_PHONE, "app-state/" + collection);
            assertThat(view.path("errors")).as(collection).isEmpty();
            view.path("entries").forEach(entry -> phoneSees.add(entry.path("index").get(0).asText() + " "
                    + entry.path("index").get(1).asText()));
        }
        assertThat(phoneSees).contains("pin_v1 " + bob, "mute " + bob, "markChatAsRead " + bob, "star " + bob,
                "deleteMessageForMe " + bob, "archive " + bob, "clearChat " + bob, "deleteChat " + cy);

        CommandFailed noTime = failed(fixture.send(ann, DeleteMessageForMe.newBuilder().setMessage(theirs).build()));
        assertThat(noTime.getCode().name()).isEqualTo("INVALID_COMMAND");
    }

    @Test
    void theOfflineQueueIsAnnouncedOnTheConnectionTopic() {
        GenericRecord completed = (GenericRecord) fixture.connectionEvent(ann, "OfflineSyncCompleted").value().get("state");
        assertThat((Integer) completed.get("count")).isNotNegative();
    }

    private GenericRecord presenceUpdate(String account, String chat, String branch, Predicate<GenericRecord> matching) {
        return update(presence, account, chat, branch, matching);
    }

    private GenericRecord contactUpdate(String account, String chat, String branch, Predicate<GenericRecord> matching) {
        return update(contacts, account, chat, branch, matching);
    }

    private GenericRecord chatAction(String account, String chat, String branch, Predicate<GenericRecord> matching) {
        return update(chatActions, account, chat, branch, matching);
    }

    /** The union branch of the first record of {@code account} (and {@code chat}, unless null) that matches. */
    private static GenericRecord update(Tail<GenericRecord> tail, String account, String chat, String branch,
                                        Predicate<GenericRecord> matching) {
        ConsumerRecord<String, GenericRecord> record = tail.await(r -> (chat == null ? r.key().startsWith(account + "|")
                : r.key().equals(account + "|" + chat)) && updateName(r.value()).equals(branch)
                && matching.test(branchOf(r.value())), WITHIN);
        assertThat(record.value().get("eventId").toString()).hasSize(32);
        assertThat(record.value().get("account")).hasToString(account);
        return branchOf(record.value());
    }

    private static String updateName(GenericRecord event) {
        return branchOf(event).getSchema().getName();
    }

    /** The event's union field (update, action or state). */
    private static GenericRecord branchOf(GenericRecord event) {
        for (String field : List.of("update", "action", "state")) {
            if (event.getSchema().getField(field) != null) {
                return (GenericRecord) event.get(field);
            }
        }
        throw new IllegalArgumentException("no union in " + event.getSchema().getName());
    }

    /** Waits for the command's result, asserts it is the only one and a success, and returns it. */
    private CommandSucceeded succeeded(String commandId) {
        Object status = only(commandId);
        assertThat(status).as(commandId + ": " + status).isInstanceOf(CommandSucceeded.class);
        return (CommandSucceeded) status;
    }

    private CommandFailed failed(String commandId) {
        Object status = only(commandId);
        assertThat(status).isInstanceOf(CommandFailed.class);
        return (CommandFailed) status;
    }

    private Object only(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(fixture.results.seen().stream().filter(r -> r.value().getCommandId().equals(commandId))).hasSize(1);
        return status;
    }

    private <T> T payload(String commandId, Class<T> type) {
        Object payload = succeeded(commandId).getPayload().orElseThrow();
        assertThat(payload).isInstanceOf(type);
        return type.cast(payload);
    }

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 2 - height / 4, height / 4, height / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
