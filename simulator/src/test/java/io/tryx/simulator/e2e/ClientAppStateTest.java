package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * App state between our client and its mock phone: the phone's changes arrive as typed events (full sync from the
 * snapshot blob on the media host, then patches on {@code server_sync}), our chat actions arrive on the phone, and
 * both sides end on the same version and LTHash.
 */
class ClientAppStateTest {

    static final String OURS = "15550008801";
    static final Jid BOB = Jid.parse("15550008802@s.whatsapp.net");
    static final Jid GROUP = Jid.parse("120363000000000077@g.us");
    static final List<String> COLLECTIONS = List.of("critical_block", "critical_unblock_low", "regular_high", "regular", "regular_low");

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey(), List.of(simulator.tlsCertificate()));
        assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void thePhonesStateArrivesByFullSyncThenEachChangeAsItsEventWithTheSameLtHash() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        peers.phoneMutates(Map.of("action", "contact", "chat", BOB.toString(), "fullName", "Bob Builder", "firstName", "Bob"));
        peers.phoneMutates(Map.of("action", "pin", "chat", BOB.toString()));
        peers.phoneMutates(Map.of("action", "pushName", "value", "Ours Truly"));

        peers.link(clients);

        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= COLLECTIONS.size());
        assertThat(peers.events(ChatSyncEvent.Synced.class)).extracting(ChatSyncEvent.Synced::collection)
                .containsExactlyInAnyOrderElementsOf(COLLECTIONS);
        assertThat(peers.events(ChatSyncEvent.Contact.class)).singleElement().satisfies(c -> {
            assertThat(c.contact()).isEqualTo(BOB);
            assertThat(c.fullName()).isEqualTo("Bob Builder");
            assertThat(c.firstName()).isEqualTo("Bob");
            assertThat(c.meta().fullSync()).isTrue();
        });
        assertThat(peers.events(ChatSyncEvent.Pin.class)).singleElement()
                .satisfies(p -> assertThat(p.chat()).isEqualTo(BOB))
                .satisfies(p -> assertThat(p.pinned()).isTrue());
        assertThat(peers.events(ChatSyncEvent.PushName.class)).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("Ours Truly"));
        assertThat(peers.events(ChatSyncEvent.SyncFailed.class)).isEmpty();
        for (String collection : COLLECTIONS) {
            assertThat(peers.inStepWithPhone(collection)).as(collection).isTrue();
        }

        long muteEnd = Instant.now().plusSeconds(3600).toEpochMilli();
        peers.phoneMutates(Map.of("action", "archive", "chat", BOB.toString()));
        peers.phoneMutates(Map.of("action", "mute", "chat", BOB.toString(), "value", muteEnd));
        peers.phoneMutates(Map.of("action", "markRead", "chat", BOB.toString(), "value", false));
        peers.phoneMutates(Map.of("action", "star", "chat", GROUP.toString(), "messageId", "3EB0AA", "fromMe", false,
                "participant", BOB.toString()));
        peers.phoneMutates(Map.of("action", "deleteChat", "chat", GROUP.toString()));
        peers.phoneMutates(Map.of("action", "pin", "chat", BOB.toString(), "remove", true));

        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Removed.class).size() == 1
                && peers.inStepWithPhone("regular_low") && peers.inStepWithPhone("regular_high"));
        assertThat(peers.events(ChatSyncEvent.Archive.class)).singleElement().satisfies(a -> {
            assertThat(a.chat()).isEqualTo(BOB);
            assertThat(a.archived()).isTrue();
            assertThat(a.meta().fullSync()).isFalse();
            assertThat(a.meta().collection()).isEqualTo("regular_low");
        });
        assertThat(peers.events(ChatSyncEvent.Mute.class)).singleElement().satisfies(m -> {
            assertThat(m.muted()).isTrue();
            assertThat(m.muteEndMillis()).isEqualTo(muteEnd);
        });
        assertThat(peers.events(ChatSyncEvent.MarkRead.class)).singleElement()
                .satisfies(m -> assertThat(m.read()).isFalse());
        assertThat(peers.events(ChatSyncEvent.Star.class)).singleElement().satisfies(s -> {
            assertThat(s.chat()).isEqualTo(GROUP);
            assertThat(s.messageId()).isEqualTo("3EB0AA");
            assertThat(s.fromMe()).isFalse();
            assertThat(s.participant()).isEqualTo(BOB);
            assertThat(s.starred()).isTrue();
        });
        assertThat(peers.events(ChatSyncEvent.DeleteChat.class)).singleElement().satisfies(d -> {
            assertThat(d.chat()).isEqualTo(GROUP);
            assertThat(d.deleteMedia()).isTrue();
        });
        assertThat(peers.events(ChatSyncEvent.Removed.class)).singleElement()
                .satisfies(r -> assertThat(r.index()).containsExactly("pin_v1", BOB.toString()));
        assertThat(peers.events(ChatSyncEvent.SyncFailed.class)).isEmpty();
    }

    @Test
    void eachChatActionLandsOnThePhoneWithTheSameLtHashOnBothSides() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        peers.phoneMutates(Map.of("action", "pin", "chat", GROUP.toString()));
        Linked ours = peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= COLLECTIONS.size());
        var actions = ours.client().chatActions();
        Instant sentAt = Instant.ofEpochSecond(1_700_000_000L);
        Instant muteEnd = Instant.now().plusSeconds(7200);

        actions.archive(BOB, true).join();
        actions.pin(GROUP, false).join();
        actions.mute(BOB, muteEnd).join();
        actions.markRead(BOB, false).join();
        actions.star(GROUP, "3EB0STAR", false, BOB, true).join();
        actions.deleteForMe(BOB, "3EB0GONE", true, null, sentAt, true).join();
        actions.deleteChat(GROUP, false).join();
        actions.unmute(BOB).join();

        await().atMost(Linked.WITHIN).until(() -> peers.inStepWithPhone("regular_low") && peers.inStepWithPhone("regular_high"));
        assertThat(peers.phoneView("regular_low").get("errors")).isEmpty();
        assertThat(peers.phoneView("regular_high").get("errors")).isEmpty();
        assertThat(peers.phoneEntry("regular_low", List.of("archive", BOB.toString())).get("value")
                .get("archiveChatAction").get("archived").asBoolean()).isTrue();
        assertThat(peers.phoneEntry("regular_low", List.of("pin_v1", BOB.toString())).get("value")
                .get("pinAction").path("pinned").asBoolean(true)).isFalse();
        assertThat(peers.phoneEntry("regular_low", List.of("pin_v1", GROUP.toString())).get("value")
                .get("pinAction").path("pinned").asBoolean(true)).isFalse();
        assertThat(peers.phoneEntry("regular_low", List.of("markChatAsRead", BOB.toString())).get("value")
                .get("markChatAsReadAction").path("read").asBoolean(true)).isFalse();
        JsonNode star = peers.phoneEntry("regular_high", List.of("star", GROUP.toString(), "3EB0STAR", "0", BOB.toString()));
        assertThat(star.get("value").get("starAction").get("starred").asBoolean()).isTrue();
        assertThat(star.get("actionVersion").asInt()).isEqualTo(2);
        JsonNode deleted = peers.phoneEntry("regular_high", List.of("deleteMessageForMe", BOB.toString(), "3EB0GONE", "1", "0"));
        assertThat(deleted.get("value").get("deleteMessageForMeAction").get("messageTimestamp").asLong())
                .isEqualTo(sentAt.getEpochSecond());
        assertThat(peers.phoneEntry("regular_high", List.of("deleteChat", GROUP.toString(), "0"))).isNotNull();
        JsonNode mute = peers.phoneEntry("regular_high", List.of("mute", BOB.toString()));
        assertThat(mute.get("value").get("muteAction").path("muted").asBoolean(true)).isFalse();
        assertThat(peers.ourVersion("regular_low")).isEqualTo(4); // the phone's pin, then archive (+unpin), pin, markRead
        assertThat(peers.ourVersion("regular_high")).isEqualTo(5);

        // our own changes are reported too, as patches
        assertThat(peers.events(ChatSyncEvent.Archive.class)).singleElement()
                .satisfies(a -> assertThat(a.meta().fullSync()).isFalse());
        assertThat(peers.events(ChatSyncEvent.DeleteMessageForMe.class)).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo("3EB0GONE");
            assertThat(d.fromMe()).isTrue();
            assertThat(d.deleteMedia()).isTrue();
        });
        assertThat(peers.events(ChatSyncEvent.Mute.class)).extracting(ChatSyncEvent.Mute::muted).containsExactly(true, false);
    }

    @Test
    void anUploadOnAStaleVersionCatchesUpWithTheMissedPatchesAndIsStoredOnTheRetry() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        Linked ours = peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= COLLECTIONS.size());
        // the server_sync of the phone's next change never reaches us, so we stay at version 0
        AdminClient.Answer drop = admin.post("/admin/devices/" + ours.connected().jid() + "/faults", Map.of("dropNext", 1));
        assertThat(drop.status()).as("%s", drop.body()).isEqualTo(200);
        peers.phoneMutates(Map.of("action", "pin", "chat", GROUP.toString()));
        assertThat(peers.ourVersion("regular_low")).isZero();

        ours.client().chatActions().markRead(BOB, true).join();

        assertThat(peers.events(ChatSyncEvent.Pin.class)).singleElement() // the missed patch, from the 409 answer
                .satisfies(p -> assertThat(p.chat()).isEqualTo(GROUP));
        assertThat(peers.events(ChatSyncEvent.MarkRead.class)).singleElement()
                .satisfies(m -> assertThat(m.meta().patchVersion()).isEqualTo(2));
        await().atMost(Linked.WITHIN).until(() -> peers.inStepWithPhone("regular_low"));
        assertThat(peers.phoneView("regular_low").get("errors")).isEmpty();
        assertThat(peers.phoneEntry("regular_low", List.of("markChatAsRead", BOB.toString()))).isNotNull();
    }
}
