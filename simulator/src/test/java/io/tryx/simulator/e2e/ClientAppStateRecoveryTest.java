package io.tryx.simulator.e2e;

import com.google.protobuf.ByteString;
import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.appstate.PatchEncoder;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.AppStateSyncKey;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.sql.StoreBackends;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * App-state sync when things go wrong or stop: a stored patch that does not verify is recovered from the snapshot
 * (or reported when the snapshot fails too, the client serving on), and a client restarted on its SQLite store
 * continues from the stored versions instead of syncing everything again.
 */
class ClientAppStateRecoveryTest {

    static final String OURS = "15550008811";
    static final Jid BOB = Jid.parse("15550008812@s.whatsapp.net");
    static final String LOW = "regular_low";

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
    void aStoredPatchWhosePatchMacIsDamagedIsRecoveredFromTheSnapshot() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        peers.phoneMutates(Map.of("action", "pin", "chat", BOB.toString()));
        Linked ours = peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= 5);

        // a patch with the right mutations, LTHash and snapshot MAC, but a damaged patch MAC: the server stores it
        PatchEncoder.Encoded archive = encodeArchive(peers.store());
        SyncdPatch damaged = archive.patch().toBuilder().setPatchMac(flip(archive.patch().getPatchMac())).build();
        assertThat(upload(ours.client(), peers.store().collection(LOW).version(), damaged)).isEqualTo(2);
        await().atMost(Linked.WITHIN).until(() -> peers.phoneView(LOW).get("errors").size() == 1); // the phone refuses it

        ours.client().appState().sync(List.of(LOW)).join();

        assertThat(peers.events(ChatSyncEvent.Synced.class)).last().satisfies(s -> {
            assertThat(s.collection()).isEqualTo(LOW);
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.fullSync()).isTrue();
            assertThat(s.recovered()).isTrue();
        });
        assertThat(peers.events(ChatSyncEvent.Archive.class)).singleElement().satisfies(a -> {
            assertThat(a.chat()).isEqualTo(BOB);
            assertThat(a.meta().fullSync()).isTrue();
        });
        assertThat(peers.ourVersion(LOW)).isEqualTo(2);
        assertThat(peers.store().collection(LOW).hash()).isEqualTo(archive.state().hash());
        assertThat(peers.events(ChatSyncEvent.SyncFailed.class)).isEmpty();
    }

    @Test
    void whenTheSnapshotDoesNotVerifyEitherTheFailureIsReportedAndTheClientServesOn() {
        AppStatePeers peers = AppStatePeers.of(admin, OURS, new InMemoryAccountStore("ours"));
        peers.phoneMutates(Map.of("action", "pin", "chat", BOB.toString()));
        Linked ours = peers.link(clients);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= 5);
        String hashBefore = peers.ourHash(LOW);

        // the snapshot MAC is damaged too, and the server's snapshot carries the latest patch's snapshot MAC
        PatchEncoder.Encoded archive = encodeArchive(peers.store());
        SyncdPatch damaged = archive.patch().toBuilder().setSnapshotMac(flip(archive.patch().getSnapshotMac()))
                .setPatchMac(flip(archive.patch().getPatchMac())).build();
        upload(ours.client(), 1, damaged);
        ours.client().appState().sync(List.of(LOW)).join();

        assertThat(peers.events(ChatSyncEvent.SyncFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.collection()).isEqualTo(LOW);
            assertThat(f.version()).isEqualTo(1);
            assertThat(f.reason()).contains("snapshot MAC");
        });
        assertThat(peers.ourVersion(LOW)).isEqualTo(1);
        assertThat(peers.ourHash(LOW)).isEqualTo(hashBefore);
        assertThat(peers.events(ChatSyncEvent.Archive.class)).isEmpty();

        peers.phoneMutates(Map.of("action", "mute", "chat", BOB.toString(), "value", true));
        assertThat(admin.post("/admin/accounts/" + OURS + "/messages", Map.of("to", OURS + "@s.whatsapp.net", "text", "still here"))
                .status()).isEqualTo(200);
        await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Mute.class).size() == 1
                && ours.texts().contains("still here"));
        assertThat(peers.events(ChatSyncEvent.Mute.class).getFirst().forever()).isTrue();
        assertThat(peers.inStepWithPhone("regular_high")).isTrue();
    }

    @Test
    void aClientRestartedOnItsSqliteStoreContinuesFromTheStoredVersions(@TempDir Path dir) {
        Path db = dir.resolve("accounts.db");
        firstRun(db);
        AppStatePeers.of(admin, OURS, new InMemoryAccountStore("unused"))
                .phoneMutates(Map.of("action", "archive", "chat", BOB.toString())); // while our client is offline

        try (StoreBackend backend = StoreBackends.sqlite(db)) {
            AccountStore store = backend.open("ours");
            assertThat(store.collection(LOW).version()).isEqualTo(1);
            assertThat(store.collection("critical_unblock_low").version()).isEqualTo(1);
            AppStatePeers peers = AppStatePeers.of(admin, OURS, store);
            List<ClientEvent> lifecycle = new CopyOnWriteArrayList<>();
            WhatsAppClient again = restart(peers, lifecycle);

            await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= 5
                    && peers.inStepWithPhone(LOW));
            assertThat(lifecycle).noneMatch(ClientEvent.QrCode.class::isInstance);
            assertThat(peers.events(ChatSyncEvent.Archive.class)).singleElement()
                    .satisfies(a -> assertThat(a.meta().fullSync()).isFalse());
            assertThat(peers.events(ChatSyncEvent.Change.class)).hasSize(1); // nothing of the first run again
            assertThat(peers.events(ChatSyncEvent.Synced.class)).noneMatch(ChatSyncEvent.Synced::fullSync);
            assertThat(peers.ourVersion(LOW)).isEqualTo(2);
            assertThat(peers.inStepWithPhone("critical_unblock_low")).isTrue();
            again.close();
        }
    }

    @Test
    void aPatchUnderAKeyWeLackMakesTheClientAskItsPhoneForTheKey(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("accounts.db");
        firstRun(db);
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement forget = sql.createStatement()) {
            assertThat(forget.executeUpdate("DELETE FROM app_state_sync_keys")).isEqualTo(1); // the key is lost
        }
        AppStatePeers.of(admin, OURS, new InMemoryAccountStore("unused"))
                .phoneMutates(Map.of("action", "archive", "chat", BOB.toString()));

        try (StoreBackend backend = StoreBackends.sqlite(db)) {
            AppStatePeers peers = AppStatePeers.of(admin, OURS, backend.open("ours"));
            WhatsAppClient again = restart(peers, new CopyOnWriteArrayList<>());

            await().atMost(Linked.WITHIN).until(() -> keyRequests().size() == 1);
            assertThat(keyRequests().getFirst().get("from").asText()).startsWith(OURS + ":");
            // each sync (after login, on the queued server_sync) fails the same way; the key is asked for once
            assertThat(peers.events(ChatSyncEvent.SyncFailed.class)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.collection()).isEqualTo(LOW);
                assertThat(f.version()).isEqualTo(1);
                assertThat(f.reason()).contains("waiting for 1 app-state key");
            });
            assertThat(peers.ourVersion(LOW)).isEqualTo(1);
            assertThat(peers.events(ChatSyncEvent.Archive.class)).isEmpty();
            again.close();
        }
    }

    /** The key requests in the phone's inbox. */
    private List<JsonNode> keyRequests() {
        List<JsonNode> requests = new java.util.ArrayList<>();
        admin.get("/admin/accounts/" + OURS + "/inbox").body().forEach(entry -> {
            if (entry.path("type").asText().equals("protocol")
                    && entry.path("text").asText().equals("APP_STATE_SYNC_KEY_REQUEST")) {
                requests.add(entry);
            }
        });
        return requests;
    }

    /** A new client on the stored credentials, recording into {@code peers}, started. */
    private WhatsAppClient restart(AppStatePeers peers, List<ClientEvent> lifecycle) {
        WhatsAppClient again = clients.client(peers.store(), lifecycle, new CopyOnWriteArrayList<MessageEvent>());
        peers.listen(again);
        again.start();
        return again;
    }

    /** First run: the phone's pin and contact reach a client on the SQLite store by full sync; then it stops. */
    private void firstRun(Path db) {
        try (StoreBackend backend = StoreBackends.sqlite(db)) {
            AppStatePeers peers = AppStatePeers.of(admin, OURS, backend.open("ours"));
            peers.phoneMutates(Map.of("action", "pin", "chat", BOB.toString()));
            peers.phoneMutates(Map.of("action", "contact", "chat", BOB.toString(), "fullName", "Bob"));
            Linked ours = peers.link(clients);
            await().atMost(Linked.WITHIN).until(() -> peers.events(ChatSyncEvent.Synced.class).size() >= 5);
            assertThat(peers.events(ChatSyncEvent.Synced.class)).filteredOn(s -> s.version() > 0)
                    .allSatisfy(s -> assertThat(s.fullSync()).isTrue()).hasSize(2);
            ours.client().close();
        }
    }

    /** Archive (and unpin) BOB on top of our stored state, with our key, as the next patch. */
    static PatchEncoder.Encoded encodeArchive(AccountStore store) {
        AppStateSyncKey key = store.latestAppStateSyncKey().orElseThrow();
        CollectionState state = store.collection(LOW);
        SyncActionValue archived = SyncActionValue.newBuilder().setTimestamp(System.currentTimeMillis())
                .setArchiveChatAction(SyncActionValue.ArchiveChatAction.newBuilder().setArchived(true)).build();
        return new PatchEncoder(key.keyId(), key.keyData(), new SecureRandom()).encodePatch(state, List.of(
                new PatchEncoder.MutationRequest(MutationOperation.SET, List.of("archive", BOB.toString()), archived, 3)));
    }

    /** Uploads a raw patch through our client's session; returns the version the server stored it as. */
    static long upload(WhatsAppClient client, long baseVersion, SyncdPatch patch) {
        Node iq = Node.builder("iq").attr("id", client.session().nextIqId()).attr("xmlns", "w:sync:app:state")
                .attr("type", "set").attr("to", "s.whatsapp.net").children(Node.builder("sync").children(
                        Node.builder("collection").attr("name", LOW).attr("version", baseVersion)
                                .children(Node.builder("patch").bytes(patch.toByteArray()).build()).build()).build())
                .build();
        Node answer = client.session().query(iq).join();
        return answer.child("sync").flatMap(s -> s.child("collection")).orElseThrow().attrs().longValue("version");
    }

    static ByteString flip(ByteString mac) {
        byte[] bytes = mac.toByteArray();
        bytes[0] ^= 0x5A;
        return ByteString.copyFrom(bytes);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
