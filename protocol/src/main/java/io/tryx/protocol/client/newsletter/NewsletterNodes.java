package io.tryx.protocol.client.newsletter;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newsletter stanzas: posts ({@code <message to type><plaintext/></message>}), reactions, the fetch and live
 * update IQs' answers ({@code <message server_id id type t><plaintext/><views_count count/><reactions><reaction code
 * count/></reactions></message>}).
 */
final class NewsletterNodes {

    private NewsletterNodes() {
    }

    /** {@code <message to id type><plaintext [mediatype]>protobuf</plaintext></message>}: a post, in the clear. */
    static Node post(Jid newsletter, String id, E2EProto.Message message) {
        return Node.builder("message").attr("to", newsletter).attr("id", id).attr("type", type(message))
                .children(Node.builder("plaintext").bytes(message.toByteArray()).build()).build();
    }

    /** {@code <message to id server_id type="reaction" [edit="7"]><reaction [code]/></message>}; empty code withdraws. */
    static Node reaction(Jid newsletter, String id, long serverId, String code) {
        Node.Builder message = Node.builder("message").attr("to", newsletter).attr("id", id)
                .attr("server_id", serverId).attr("type", "reaction");
        Node.Builder reaction = Node.builder("reaction");
        if (code.isEmpty()) {
            message.attr("edit", "7");
        } else {
            reaction.attr("code", code);
        }
        return message.children(reaction.build()).build();
    }

    /** The posts among {@code parent}'s {@code message} children. */
    static List<NewsletterPost> posts(Node parent) {
        return parent.children("message").stream().map(NewsletterNodes::post).toList();
    }

    static NewsletterPost post(Node message) {
        long serverId = message.attrs().longValue("server_id");
        E2EProto.Message content = message.child("plaintext").flatMap(Node::contentBytes)
                .map(NewsletterNodes::decode).orElse(null);
        int views = message.child("views_count").flatMap(v -> v.attrs().optionalLong("count")).orElse(0L).intValue();
        return new NewsletterPost(serverId, message.attrs().optionalString("id").orElse(""),
                message.attrs().optionalString("type").orElse("text"),
                Instant.ofEpochSecond(message.attrs().optionalLong("t").orElse(0L)), views, reactions(message), content);
    }

    static Map<String, Integer> reactions(Node message) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        message.child("reactions").ifPresent(r -> r.children("reaction").forEach(reaction -> counts.put(
                reaction.attrs().string("code"), (int) reaction.attrs().optionalLong("count").orElse(0L).longValue())));
        return counts;
    }

    static E2EProto.Message decode(byte[] bytes) {
        try {
            return E2EProto.Message.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "newsletter plaintext: " + e.getMessage());
        }
    }

    /** The stanza type of a message: {@code reaction}, {@code poll}, {@code media} or {@code text}. */
    static String type(E2EProto.Message message) {
        if (message.hasReactionMessage()) {
            return "reaction";
        }
        if (message.hasPollCreationMessage() || message.hasPollCreationMessageV3()) {
            return "poll";
        }
        if (message.hasImageMessage() || message.hasVideoMessage() || message.hasAudioMessage()
                || message.hasDocumentMessage() || message.hasStickerMessage()) {
            return "media";
        }
        return "text";
    }
}
