package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.AdminClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unmodified Baileys 7 client links to an account whose mock phone already has history and app state: it gets
 * the phone's app-state key share and the history sync (downloaded from the media host, inflated, parsed) as
 * {@code messaging-history.set}, restores the app state from a snapshot blob, follows the phone's archive / pin /
 * mute through {@code server_sync} notifications as {@code chats.update}, and its own {@code chatModify} archive
 * reaches the phone, which decodes it with a verified LTHash.
 */
class BaileysAppStateTest {

    static final String PHONE = "15550004441";
    static final String BOB = "15550004442";
    static final String CAROL_CHAT = "15550004449@s.whatsapp.net";
    static final Duration WITHIN = BaileysPeers.WITHIN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaileysPeers peers;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers().redirectMedia();
        admin = peers.admin;
    }

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void baileysSyncsHistoryAndAppStateBothWays(@TempDir Path auth) throws Exception {
        String bobJid = BOB + "@s.whatsapp.net";
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Alice")).status()).isEqualTo(201);
        assertThat(admin.post("/admin/accounts", Map.of("phone", BOB, "pushName", "Bob")).status()).isEqualTo(201);
        long now = System.currentTimeMillis() / 1000;
        var seeded = admin.post("/admin/accounts/" + PHONE + "/history", Map.of(
                "conversations", List.of(Map.of("jid", bobJid, "name", "Bob", "messages", List.of(
                        Map.of("id", "3EB0HIST01", "fromMe", false, "text", "old hello from Bob", "timestamp", now - 100),
                        Map.of("id", "3EB0HIST02", "fromMe", true, "text", "old reply to Bob", "timestamp", now - 50)))),
                "pushNames", Map.of(bobJid, "Bob")));
        assertThat(seeded.status()).as("%s", seeded.body()).isEqualTo(200);
        var contact = admin.post("/admin/accounts/" + PHONE + "/app-state",
                Map.of("action", "contact", "chat", bobJid, "fullName", "Bob Builder"));
        assertThat(contact.status()).as("%s", contact.body()).isEqualTo(200);
        assertThat(contact.body().path("collection").asText()).isEqualTo("critical_unblock_low");

        long started = System.nanoTime();
        try (NodeScript client = peers.link(PHONE, auth, 1)) {
            await("key share\n" + client).atMost(WITHIN).until(() -> client.last("app-state-key").isPresent());
            JsonNode history = awaitEvent(client, "history-set", e -> e.path("messages").size() == 2);
            System.out.printf("Baileys linked, got the key share and the history in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(history.path("syncType").asInt()).isZero();
            assertThat(history.path("chats").findValuesAsText("id")).containsExactly(bobJid);
            assertThat(history.path("messages")).anySatisfy(m -> {
                assertThat(m.path("id").asText()).isEqualTo("3EB0HIST01");
                assertThat(m.path("text").asText()).isEqualTo("old hello from Bob");
                assertThat(m.path("fromMe").asBoolean()).isFalse();
                assertThat(m.path("timestamp").asLong()).isEqualTo(now - 100);
            }).anySatisfy(m -> {
                assertThat(m.path("id").asText()).isEqualTo("3EB0HIST02");
                assertThat(m.path("fromMe").asBoolean()).isTrue();
            });
            // the contact name exists only in the phone's app state, restored from the snapshot blob (Baileys' event
            // buffer folds the contacts.upsert into the history set when both arrive during the initial sync)
            await("contact from the snapshot\n" + client).atMost(WITHIN).until(() -> client.events().stream()
                    .filter(e -> e.path("event").asText().equals("contacts-upsert") || e.path("event").asText().equals("history-set"))
                    .anyMatch(e -> e.path("contacts").findValuesAsText("name").contains("Bob Builder")));
            assertThat(peers.simulator.bootstrapped()).isEqualTo(1);

            started = System.nanoTime();
            phoneAction(Map.of("action", "archive", "chat", bobJid, "value", true));
            awaitChatUpdate(client, u -> u.path("archived").asBoolean(false));
            System.out.printf("phone archive -> Baileys chats.update in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            phoneAction(Map.of("action", "pin", "chat", bobJid, "value", true));
            awaitChatUpdate(client, u -> u.path("pinned").asLong(0) > 0);
            long muteEnd = System.currentTimeMillis() + 3_600_000;
            phoneAction(Map.of("action", "mute", "chat", bobJid, "value", muteEnd));
            awaitChatUpdate(client, u -> u.path("muteEndTime").asLong(0) == muteEnd);

            started = System.nanoTime();
            client.send(JSON.writeValueAsString(Map.of("cmd", "chat-modify", "jid", CAROL_CHAT, "ref", "archive-carol",
                    "mod", Map.of("archive", true, "lastMessages", List.of(Map.of(
                            "key", Map.of("remoteJid", CAROL_CHAT, "id", "3EB0CAROL1", "fromMe", false),
                            "messageTimestamp", now - 10))))));
            await("chatModify\n" + client).atMost(WITHIN).until(() ->
                    client.last("chat-modified").isPresent() || client.last("chat-modify-error").isPresent());
            assertThat(client.last("chat-modify-error")).as("%s", client).isEmpty();
            JsonNode view = admin.get("/admin/accounts/" + PHONE + "/app-state/regular_low").body();
            System.out.printf("Baileys chatModify archive -> phone decoded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(view.path("errors")).as("%s", view).isEmpty();
            assertThat(view.path("phoneVersion").asLong()).isEqualTo(view.path("serverVersion").asLong()).isEqualTo(3);
            assertThat(view.path("entries")).anySatisfy(e -> {
                assertThat(e.path("index").toString()).isEqualTo("[\"archive\",\"" + CAROL_CHAT + "\"]");
                assertThat(e.path("value").path("archiveChatAction").path("archived").asBoolean()).isTrue();
                assertThat(e.path("patchVersion").asLong()).isEqualTo(3);
            });
            assertThat(client.count("error")).as("%s", client).isZero();
        }
    }

    private void phoneAction(Map<String, Object> action) {
        var answer = admin.post("/admin/accounts/" + PHONE + "/app-state", action);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    }

    private static void awaitChatUpdate(NodeScript client, Predicate<JsonNode> update) {
        awaitEvent(client, "chats-update", e -> {
            for (JsonNode each : e.path("updates")) {
                if (each.path("id").asText().equals(BOB + "@s.whatsapp.net") && update.test(each)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static JsonNode awaitEvent(NodeScript client, String name, Predicate<JsonNode> matching) {
        await(name + "\n" + client).atMost(WITHIN).until(() -> find(client, name, matching).isPresent());
        return find(client, name, matching).orElseThrow();
    }

    private static Optional<JsonNode> find(NodeScript client, String name, Predicate<JsonNode> matching) {
        return client.events().stream().filter(e -> e.path("event").asText().equals(name)).filter(matching).findFirst();
    }
}
