package io.tryx.protocol.client.appstate;

import com.google.protobuf.ByteString;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code w:sync:app:state} IQ as sent and its answers as parsed. */
class AppStateNodesTest {

    @Test
    void theSyncIqAsksPerCollectionForPatchesASnapshotOrAnUpload() {
        SyncdPatch patch = SyncdPatch.newBuilder().setVersion(SyncdVersion.newBuilder().setVersion(4)).build();
        Node iq = AppStateNodes.syncIq("q1", List.of(new AppStateNodes.Patches("regular", 3),
                new AppStateNodes.Snapshot("regular_low"), new AppStateNodes.Upload("regular_high", 7, patch)));
        assertThat(iq.attrs().string("xmlns")).isEqualTo("w:sync:app:state");
        assertThat(iq.attrs().string("type")).isEqualTo("set");
        List<Node> collections = iq.child("sync").orElseThrow().children("collection");
        assertThat(collections.get(0).attrs().string("version")).isEqualTo("3");
        assertThat(collections.get(0).attrs().string("return_snapshot")).isEqualTo("false");
        assertThat(collections.get(1).attrs().string("return_snapshot")).isEqualTo("true");
        assertThat(collections.get(1).attrs().has("version")).isFalse();
        assertThat(collections.get(2).child("patch").flatMap(Node::contentBytes).orElseThrow()).isEqualTo(patch.toByteArray());
    }

    @Test
    void answersCarryPatchesSnapshotsMoreAndErrors() {
        SyncdPatch patch = SyncdPatch.newBuilder().setVersion(SyncdVersion.newBuilder().setVersion(5)).build();
        ExternalBlobReference reference = ExternalBlobReference.newBuilder().setDirectPath("/v/x.enc")
                .setMediaKey(ByteString.copyFrom(new byte[32])).build();
        Node result = Node.builder("iq").attr("type", "result").children(Node.builder("sync").children(
                Node.builder("collection").attr("name", "regular").attr("version", 5).attr("has_more_patches", "true")
                        .children(Node.builder("patches").children(Node.builder("patch").bytes(patch.toByteArray()).build()).build())
                        .build(),
                Node.builder("collection").attr("name", "regular_low").attr("version", 9)
                        .children(Node.builder("snapshot").bytes(reference.toByteArray()).build()).build(),
                Node.builder("collection").attr("name", "regular_high").attr("type", "error").attr("version", 12)
                        .children(Node.builder("error").attr("code", "409").attr("text", "conflict").build()).build())
                .build()).build();

        List<AppStateNodes.Answer> answers = AppStateNodes.answers(result);

        assertThat(answers.get(0).hasMore()).isTrue();
        assertThat(answers.get(0).patches()).containsExactly(patch);
        assertThat(answers.get(0).failed()).isFalse();
        assertThat(answers.get(1).snapshot()).contains(reference);
        assertThat(answers.get(1).version()).isEqualTo(9);
        assertThat(answers.get(2).failed()).isTrue();
        assertThat(answers.get(2).errorCode()).isEqualTo(409);
        assertThat(answers.get(2).version()).isEqualTo(12);
    }

    @Test
    void aServerSyncNotificationNamesItsCollectionsAndIsAcked() {
        Node notification = Node.builder("notification").attr("id", "n1").attr("type", "server_sync").children(
                Node.builder("collection").attr("name", "regular_low").attr("version", 3).build(),
                Node.builder("collection").attr("name", "critical_block").build()).build();
        assertThat(AppStateNodes.notifiedCollections(notification)).containsExactly("regular_low", "critical_block");
        Node ack = AppStateNodes.ack(notification);
        assertThat(ack.attrs().string("id")).isEqualTo("n1");
        assertThat(ack.attrs().string("class")).isEqualTo("notification");
        assertThat(ack.attrs().string("type")).isEqualTo("server_sync");
    }
}
