package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the server's newsletter answers are read: GraphQL data and errors, metadata JSON, fetched posts. */
class NewsletterAnswersTest {

    private static Node mex(String json) {
        return Node.builder("iq").attr("type", "result").children(Node.builder("result")
                .bytes(json.getBytes(StandardCharsets.UTF_8)).build()).build();
    }

    @Test
    void metadataWithNumbersAsStringsAndViewerIsRead() {
        var data = Mex.data(mex("""
                {"data":{"xwa2_newsletter":{"id":"120363000000000001@newsletter","state":{"type":"ACTIVE"},
                 "thread_metadata":{"creation_time":"1700000000","name":{"text":"News","id":"1"},
                 "description":{"text":"About"},"invite":"AbC","subscribers_count":"42","verification":"VERIFIED"},
                 "viewer_metadata":{"mute":"ON","role":"SUBSCRIBER"}}}}"""), "xwa2_newsletter");
        NewsletterMetadata metadata = NewsletterJson.metadata(data);
        assertThat(metadata).isEqualTo(new NewsletterMetadata(Jid.parse("120363000000000001@newsletter"), "News", "About",
                "AbC", Instant.ofEpochSecond(1_700_000_000L), 42, true, "ACTIVE",
                new NewsletterMetadata.Viewer(true, NewsletterRole.SUBSCRIBER)));
        assertThat(metadata.following()).isTrue();
    }

    @Test
    void metadataWithoutViewerIsNotFollowedAndUnknownRolesAreGuests() {
        var json = Mex.data(mex("""
                {"data":{"p":{"id":"120363000000000002@newsletter","thread_metadata":{"name":{"text":"N"}}}}}"""), "p");
        NewsletterMetadata metadata = NewsletterJson.metadata(json);
        assertThat(metadata.viewer()).isNull();
        assertThat(metadata.following()).isFalse();
        assertThat(metadata.description()).isEmpty();
        assertThat(NewsletterRole.of("moderator")).isEqualTo(NewsletterRole.GUEST);
    }

    @Test
    void graphQlErrorsBecomeTypedExceptionsWithTheirCode() {
        Node answer = mex("""
                {"data":{"xwa2_newsletter":null},"errors":[{"message":"not found","extensions":{"error_code":404}}]}""");
        assertThatThrownBy(() -> Mex.data(answer, "xwa2_newsletter")).isInstanceOfSatisfying(MexException.class, e -> {
            assertThat(e.code()).isEqualTo(404);
            assertThat(e.getMessage()).contains("not found");
            assertThat(e.answer()).isEqualTo(answer);
        });
    }

    @Test
    void answersWithoutResultJsonOrDataAreProtocolErrors() {
        assertThatThrownBy(() -> Mex.data(Node.of("iq"), "p")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Mex.data(mex("not json"), "p")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Mex.data(mex("{\"data\":{}}"), "p")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> NewsletterJson.metadata(Mex.data(mex("{\"data\":{\"p\":{\"id\":\"1@g.us\"}}}"), "p")))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void fetchedPostsCarryContentViewsAndReactionCounts() {
        E2EProto.Message text = E2EProto.Message.newBuilder().setConversation("hi").build();
        Node messages = Node.builder("messages").children(
                Node.builder("message").attr("server_id", 101).attr("id", "A").attr("type", "text").attr("t", 1_700_000_000L)
                        .children(Node.builder("plaintext").bytes(text.toByteArray()).build(),
                                Node.builder("views_count").attr("count", 7).build(),
                                Node.builder("reactions").children(Node.builder("reaction").attr("code", "👍").attr("count", 3).build()).build())
                        .build(),
                Node.builder("message").attr("server_id", 102).attr("id", "B").build()).build();
        var posts = NewsletterNodes.posts(messages);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0)).isEqualTo(new NewsletterPost(101, "A", "text", Instant.ofEpochSecond(1_700_000_000L), 7,
                Map.of("👍", 3), text));
        assertThat(posts.get(0).text()).isEqualTo("hi");
        assertThat(posts.get(1).message()).isNull();
        assertThat(posts.get(1).text()).isEmpty();
    }

    @Test
    void postsAndReactionsAreSentInTheClear() {
        Jid news = Jid.parse("120363000000000003@newsletter");
        E2EProto.Message text = E2EProto.Message.newBuilder().setConversation("hello").build();
        Node post = NewsletterNodes.post(news, "ID1", text);
        assertThat(post.attrs().string("type")).isEqualTo("text");
        assertThat(post.child("plaintext").flatMap(Node::contentBytes).map(NewsletterNodes::decode)).contains(text);
        Node reaction = NewsletterNodes.reaction(news, "ID2", 105, "❤️");
        assertThat(reaction.attrs().string("server_id")).isEqualTo("105");
        assertThat(reaction.child("reaction").orElseThrow().attrs().string("code")).isEqualTo("❤️");
        Node withdrawal = NewsletterNodes.reaction(news, "ID3", 105, "");
        assertThat(withdrawal.attrs().string("edit")).isEqualTo("7");
        assertThat(withdrawal.child("reaction").orElseThrow().attrs().has("code")).isFalse();
    }
}
