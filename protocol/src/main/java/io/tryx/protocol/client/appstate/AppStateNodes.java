package io.tryx.protocol.client.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.Protobufs;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code w:sync:app:state} stanzas: the sync IQ (per collection a version to continue from, or a snapshot
 * request, or a patch to upload), its answer per collection, and the {@code server_sync} notification.
 */
final class AppStateNodes {

    static final String XMLNS = "w:sync:app:state";
    static final String SERVER = "s.whatsapp.net";

    private AppStateNodes() {
    }

    /** What to ask for one collection. */
    sealed interface Request {
        String collection();
    }

    /** The patches after {@code version}. */
    record Patches(String collection, long version) implements Request {
    }

    /** The current snapshot. */
    record Snapshot(String collection) implements Request {
    }

    /** Store {@code patch} on top of {@code version}. */
    record Upload(String collection, long version, SyncdPatch patch) implements Request {
    }

    static Node syncIq(String id, List<? extends Request> requests) {
        List<Node> collections = requests.stream().map(AppStateNodes::collection).toList();
        return Node.builder("iq").attr("id", id).attr("xmlns", XMLNS).attr("type", "set").attr("to", SERVER)
                .children(Node.builder("sync").children(collections).build()).build();
    }

    private static Node collection(Request request) {
        Node.Builder node = Node.builder("collection").attr("name", request.collection());
        return switch (request) {
            case Patches p -> node.attr("version", p.version()).attr("return_snapshot", "false").build();
            case Snapshot s -> node.attr("return_snapshot", "true").build();
            case Upload u -> node.attr("version", u.version()).attr("return_snapshot", "false")
                    .children(Node.builder("patch").bytes(u.patch().toByteArray()).build()).build();
        };
    }

    /**
     * The server's answer about one collection.
     *
     * @param version   the version the answer brings the collection to (the server's version on a conflict)
     * @param errorCode 0, or the error's code (409 conflict: {@code patches} are the ones the upload missed)
     */
    record Answer(String collection, long version, boolean hasMore, List<SyncdPatch> patches,
                  Optional<ExternalBlobReference> snapshot, int errorCode, String errorText) {
        Answer {
            patches = List.copyOf(patches);
        }

        boolean failed() {
            return errorCode != 0;
        }
    }

    /** The answers inside {@code <sync>} of a result IQ, by collection. */
    static List<Answer> answers(Node result) {
        Node sync = result.child("sync").orElseThrow(() ->
                new ProtocolException(Reason.MISSING_FIELD, "app state answer without <sync>"));
        List<Answer> answers = new ArrayList<>();
        for (Node collection : sync.children("collection")) {
            answers.add(answer(collection));
        }
        return answers;
    }

    static Answer answer(Node collection) {
        String name = collection.attrs().string("name");
        long version = collection.attrs().optionalLong("version").orElse(0L);
        boolean hasMore = collection.attrs().optionalString("has_more_patches").filter("true"::equals).isPresent();
        int code = 0;
        String text = "";
        if (collection.attrs().optionalString("type").filter("error"::equals).isPresent()) {
            Optional<Node> error = collection.child("error");
            code = error.flatMap(e -> e.attrs().optionalLong("code")).map(Long::intValue).orElse(500);
            text = error.flatMap(e -> e.attrs().optionalString("text")).orElse("");
        }
        List<SyncdPatch> patches = collection.child("patches").map(p -> p.children("patch")).orElse(List.of()).stream()
                .map(p -> Protobufs.parse(SyncdPatch.parser(), p.contentBytes().orElseThrow(() ->
                        new ProtocolException(Reason.MISSING_FIELD, name + " patch without content"))))
                .toList();
        Optional<ExternalBlobReference> snapshot = collection.child("snapshot")
                .map(s -> Protobufs.parse(ExternalBlobReference.parser(), s.contentBytes().orElseThrow(() ->
                        new ProtocolException(Reason.MISSING_FIELD, name + " snapshot without content"))));
        return new Answer(name, version, hasMore, patches, snapshot, code, text);
    }

    /** The collections a {@code server_sync} notification names. */
    static List<String> notifiedCollections(Node notification) {
        return notification.children("collection").stream()
                .map(c -> c.attrs().optionalString("name").orElse(""))
                .filter(n -> !n.isEmpty()).toList();
    }

    /** The {@code ack} of a notification. */
    static Node ack(Node notification) {
        return Node.builder("ack").attr("id", notification.attrs().optionalString("id").orElse(""))
                .attr("class", "notification").attr("to", SERVER)
                .optionalAttr("type", notification.attrs().optionalString("type").orElse(null)).build();
    }
}
