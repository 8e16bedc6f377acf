package io.tryx.simulator.appstate;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.appstate.PatchDecoder;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.simulator.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.appstate.AppStateFixture.collections;
import static io.tryx.simulator.appstate.AppStateFixture.fetch;
import static io.tryx.simulator.appstate.AppStateFixture.patches;
import static io.tryx.simulator.appstate.AppStateFixture.snapshot;
import static io.tryx.simulator.appstate.AppStateFixture.upload;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static org.assertj.core.api.Assertions.assertThat;

class AppStateSyncIqTest {

    /** The app-state notifications a client got (device-list notifications of linking are not this test's). */
    private static List<Node> serverSyncs(TestClient client) {
        return tagged(client, "notification").stream()
                .filter(n -> n.attrs().optionalString("type").orElse("").equals("server_sync")).toList();
    }

    private static final String BOB = "15550007772@s.whatsapp.net";
    private final AppStateFixture f = new AppStateFixture();
    private final TestClient first = f.h.companion(f.h.a, 5);
    private final TestClient second = f.h.companion(f.h.a, 5);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aCompanionsPatchBecomesTheNextVersionAndOnlyTheOtherCompanionsAreNotified() {
        var encoded = f.patch(CollectionState.initial("regular_low"), MutationOperation.SET, List.of("archive", BOB), true);
        Node answer = collections(first.query(f.sync(upload("regular_low", 0, encoded.patch())))).getFirst();
        assertThat(answer.attrs().toStringMap()).containsEntry("name", "regular_low").containsEntry("version", "1")
                .doesNotContainKey("type");

        Node notification = serverSyncs(second).getLast();
        assertThat(notification.attrs().string("type")).isEqualTo("server_sync");
        assertThat(notification.attrs().string("from")).isEqualTo("s.whatsapp.net");
        Node collection = notification.child("collection").orElseThrow();
        assertThat(collection.attrs().toStringMap()).containsEntry("name", "regular_low").containsEntry("version", "1");
        assertThat(serverSyncs(first)).isEmpty();

        PhoneAppState.View view = f.phone.view("regular_low");
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.entries()).singleElement().satisfies(e -> {
            assertThat(e.index()).containsExactly("archive", BOB);
            assertThat(e.value().path("archiveChatAction").path("archived").asBoolean()).isTrue();
            assertThat(e.actionVersion()).isEqualTo(3);
        });
        assertThat(java.util.HexFormat.of().parseHex(view.ltHash())).isEqualTo(encoded.state().hash().bytes());
        assertThat(f.phone.errors()).isEmpty();
    }

    @Test
    void patchesAfterAVersionComeInPagesThatChainToTheUploadersState() {
        CollectionState state = CollectionState.initial("regular_high");
        for (int i = 0; i < 3; i++) {
            var encoded = f.patch(state, MutationOperation.SET, List.of("mute", "1555000000" + i + "@s.whatsapp.net"), true);
            assertThat(collections(first.query(f.sync(upload("regular_high", i, encoded.patch())))).getFirst()
                    .attrs().string("version")).isEqualTo(Integer.toString(i + 1));
            state = encoded.state();
        }
        Node page1 = collections(second.query(f.sync(fetch("regular_high", 0)))).getFirst();
        assertThat(page1.attrs().toStringMap()).containsEntry("version", "2").containsEntry("has_more_patches", "true");
        Node page2 = collections(second.query(f.sync(fetch("regular_high", 2)))).getFirst();
        assertThat(page2.attrs().toStringMap()).containsEntry("version", "3").containsEntry("has_more_patches", "false");

        PatchDecoder decoder = f.decoder();
        CollectionState synced = CollectionState.initial("regular_high");
        List<SyncdPatch> all = new java.util.ArrayList<>(patches(page1));
        all.addAll(patches(page2));
        assertThat(all).extracting(p -> p.getVersion().getVersion()).containsExactly(1L, 2L, 3L);
        for (SyncdPatch patch : all) {
            synced = decoder.decodePatch(synced, patch).state();
        }
        assertThat(synced.hash().bytes()).isEqualTo(state.hash().bytes());

        Node upToDate = collections(second.query(f.sync(fetch("regular_high", 3)))).getFirst();
        assertThat(upToDate.attrs().string("version")).isEqualTo("3");
        assertThat(patches(upToDate)).isEmpty();
    }

    @Test
    void aSnapshotIsAnEncryptedBlobOnTheMediaHostWhoseMacVerifies() throws Exception {
        Node empty = collections(first.query(f.sync(snapshot("regular")))).getFirst();
        assertThat(empty.attrs().string("version")).isEqualTo("0");
        assertThat(empty.child("snapshot")).isEmpty();

        CollectionState state = CollectionState.initial("regular");
        List<List<String>> indexes = List.of(List.of("archive", BOB), List.of("archive", "15550000001@s.whatsapp.net"));
        for (List<String> index : indexes) {
            var encoded = f.patch(state, MutationOperation.SET, index, true);
            first.query(f.sync(upload("regular", state.version(), encoded.patch())));
            state = encoded.state();
        }
        var removal = f.patch(state, MutationOperation.REMOVE, indexes.getFirst(), true);
        first.query(f.sync(upload("regular", 2, removal.patch())));
        state = removal.state();

        Node answer = collections(second.query(f.sync(snapshot("regular")))).getFirst();
        assertThat(answer.attrs().string("version")).isEqualTo("3");
        ExternalBlobReference reference = ExternalBlobReference.parseFrom(
                answer.child("snapshot").orElseThrow().contentBytes().orElseThrow());
        assertThat(reference.getDirectPath()).startsWith("/v/t62.");
        SyncdSnapshot snapshot = SyncdSnapshot.parseFrom(f.download(reference));
        PatchDecoder.Decoded decoded = f.decoder().decodeSnapshot("regular", snapshot);
        assertThat(decoded.state().version()).isEqualTo(3);
        assertThat(decoded.state().hash().bytes()).isEqualTo(state.hash().bytes());
        assertThat(decoded.mutations()).singleElement().satisfies(m -> assertThat(m.index()).isEqualTo(indexes.get(1)));
    }

    @Test
    void aPatchOnAStaleVersionIsAConflictThatCarriesTheMissingPatches() {
        var mine = f.patch(CollectionState.initial("regular_low"), MutationOperation.SET, List.of("pin_v1", BOB), true);
        first.query(f.sync(upload("regular_low", 0, mine.patch())));
        var stale = f.patch(CollectionState.initial("regular_low"), MutationOperation.SET, List.of("archive", BOB), true);

        Node conflict = collections(second.query(f.sync(upload("regular_low", 0, stale.patch())))).getFirst();
        assertThat(conflict.attrs().toStringMap()).containsEntry("type", "error").containsEntry("name", "regular_low");
        assertThat(conflict.child("error").orElseThrow().attrs().string("code")).isEqualTo("409");
        assertThat(patches(conflict)).extracting(p -> p.getVersion().getVersion()).containsExactly(1L);
        assertThat(f.appState.store().version(f.h.a.phone(), "regular_low")).isEqualTo(1);
        assertThat(serverSyncs(first)).isEmpty();
    }

    @Test
    void badCollectionsAreRefusedOneByOneAndTheRestIsAnswered() {
        Node garbage = Node.builder("collection").attr("name", "regular_high").attr("version", "0")
                .children(Node.builder("patch").bytes(new byte[] {1, 2, 3}).build()).build();
        Node badVersion = Node.builder("collection").attr("name", "regular").attr("version", "x").build();
        List<Node> answers = collections(first.query(f.sync(Node.builder("collection").attr("name", "bogus").build(),
                badVersion, garbage, fetch("critical_block", 5), fetch("regular_low", 0))));
        assertThat(answers).extracting(n -> n.attrs().string("name"))
                .containsExactly("bogus", "regular", "regular_high", "critical_block", "regular_low");
        assertThat(answers.subList(0, 4)).extracting(n -> n.child("error").orElseThrow().attrs().string("code"))
                .containsExactly("404", "400", "400", "400");
        assertThat(answers.getLast().attrs().has("type")).isFalse();

        Node noCollections = first.query(f.sync());
        assertThat(noCollections.attrs().string("type")).isEqualTo("error");
        assertThat(noCollections.child("error").orElseThrow().attrs().string("code")).isEqualTo("400");
        Node noSync = first.query(f.h.iq("w:sync:app:state", "set"));
        assertThat(noSync.child("error").orElseThrow().attrs().string("code")).isEqualTo("400");
    }

    @Test
    void thePhoneRefusesAPatchThatDoesNotVerifyAndSaysSo() {
        var encoded = f.patch(CollectionState.initial("regular_low"), MutationOperation.SET, List.of("archive", BOB), true);
        byte[] mac = encoded.patch().getPatchMac().toByteArray();
        mac[0] ^= 1;
        SyncdPatch tampered = encoded.patch().toBuilder().setPatchMac(com.google.protobuf.ByteString.copyFrom(mac)).build();
        Node stored = collections(first.query(f.sync(upload("regular_low", 0, tampered)))).getFirst();
        assertThat(stored.attrs().string("version")).isEqualTo("1"); // the server cannot check MACs

        assertThat(f.phone.view("regular_low").version()).isZero();
        assertThat(f.phone.errors()).singleElement().satisfies(e -> {
            assertThat(e.collection()).isEqualTo("regular_low");
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.message()).contains("patch MAC");
        });
        var archive = SyncActions.build(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("action", "archive").put("chat", BOB), 1000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.appState.mutate(f.h.a, archive))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("behind");
    }
}
