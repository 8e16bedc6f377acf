package io.tryx.simulator.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.messaging.MessagingHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's newsletter handling on raw stanzas: fan-out with server ids, bounds, and every bad request refused. */
class NewsletterServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<Newsletters> newsletters = new AtomicReference<>();
    private final MessagingHarness m = new MessagingHarness(new Harness((h, router) -> {
        Newsletters services = new Newsletters(h.accounts, h.messaging.delivery(), h.clock);
        services.register(router);
        newsletters.set(services);
    }));

    private Node mex(String queryId, String body) {
        return m.iq("w:mex", "get", Node.builder("query").attr("query_id", queryId)
                .bytes(body.getBytes(StandardCharsets.UTF_8)).build());
    }

    private static JsonNode json(Node answer) throws Exception {
        assertThat(answer.attrs().string("type")).as("%s", answer).isEqualTo("result");
        return JSON.readTree(answer.child("result").orElseThrow().contentBytes().orElseThrow());
    }

    private Jid create(TestClient owner, String name) throws Exception {
        JsonNode created = json(owner.query(mex("8823471724422422", "{\"variables\":{\"input\":{\"name\":\"" + name + "\"}}}")));
        return Jid.parse(created.path("data").path("xwa2_newsletter_create").path("id").asText());
    }

    private Node post(Jid to, String id, String text) {
        return Node.builder("message").attr("to", to).attr("id", id).attr("type", "text")
                .children(Node.builder("plaintext").bytes(io.tryx.protocol.proto.E2EProto.Message.newBuilder()
                        .setConversation(text).build().toByteArray()).build()).build();
    }

    private static Node ackOf(TestClient client, String id) {
        return MessagingHarness.tagged(client, "ack").stream().filter(a -> a.attrs().string("id").equals(id))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no ack of " + id));
    }

    @Test
    void postsReachEveryFollowerDeviceOnceWithTheirServerId() throws Exception {
        TestClient owner = m.companion(m.a, 5);
        TestClient ownerLaptop = m.companion(m.a, 5);
        TestClient follower = m.companion(m.b, 5);
        Jid news = create(owner, "News");
        assertThat(json(follower.query(mex("24404358912487870",
                "{\"variables\":{\"newsletter_id\":\"" + news + "\"}}"))).path("data").path("xwa2_newsletter_join_v2")
                .path("id").asText()).isEqualTo(news.toString());

        owner.send(post(news, "P1", "first"));
        assertThat(ackOf(owner, "P1").attrs().string("server_id")).isEqualTo("100");
        owner.send(post(news, "P1", "first"));
        owner.send(post(news, "P2", "second"));
        assertThat(ackOf(owner, "P1").attrs().string("server_id")).isEqualTo("100");
        assertThat(ackOf(owner, "P2").attrs().string("server_id")).isEqualTo("101");

        for (TestClient reader : List.of(follower, ownerLaptop)) {
            List<Node> received = MessagingHarness.tagged(reader, "message");
            assertThat(received).extracting(n -> n.attrs().string("server_id")).containsExactly("100", "101");
            assertThat(received.getFirst().attrs().string("from")).isEqualTo(news.toString());
            assertThat(received.getFirst().child("plaintext")).isPresent();
        }
        assertThat(MessagingHarness.tagged(owner, "message")).isEmpty();
    }

    @Test
    void badNewsletterRequestsAreRefusedAndTheConnectionKeepsServing() throws Exception {
        TestClient owner = m.companion(m.a, 5);
        TestClient stranger = m.companion(m.b, 5);
        Jid news = create(owner, "News");

        assertThat(errorCode(owner.query(mex("8823471724422422", "not json")))).isEqualTo(400);
        assertThat(errorCode(owner.query(mex("1", "{\"variables\":{}}")))).isEqualTo(400);
        JsonNode missing = json(owner.query(mex("6563316087068696",
                "{\"variables\":{\"input\":{\"key\":\"120363000000000009@newsletter\",\"type\":\"JID\"}}}")));
        assertThat(missing.path("errors").get(0).path("extensions").path("error_code").asInt()).isEqualTo(404);
        assertThat(missing.path("data").path("xwa2_newsletter").isNull()).isTrue();
        JsonNode noName = json(owner.query(mex("8823471724422422", "{\"variables\":{\"input\":{\"name\":\" \"}}}")));
        assertThat(noName.path("errors").get(0).path("extensions").path("error_code").asInt()).isEqualTo(400);
        JsonNode muteUnfollowed = json(stranger.query(mex("29766401636284406",
                "{\"variables\":{\"newsletter_id\":\"" + news + "\"}}")));
        assertThat(muteUnfollowed.path("errors").get(0).path("extensions").path("error_code").asInt()).isEqualTo(403);

        assertThat(errorCode(owner.query(m.iq("newsletter", "get", Node.builder("messages").attr("jid", "x@g.us").build()))))
                .isEqualTo(400);
        assertThat(errorCode(owner.query(m.iq("newsletter", "get",
                Node.builder("messages").attr("jid", "120363000000000009@newsletter").build())))).isEqualTo(404);
        assertThat(errorCode(owner.query(m.iq("newsletter", "get", Node.of("nonsense"))))).isEqualTo(400);

        stranger.send(post(news, "S1", "not the owner"));
        assertThat(ackOf(stranger, "S1").attrs().string("error")).isEqualTo("403");
        owner.send(Node.builder("message").attr("to", news).attr("id", "E1").attr("type", "text").build());
        assertThat(ackOf(owner, "E1").attrs().string("error")).isEqualTo("400");
        owner.send(post(Jid.parse("120363000000000009@newsletter"), "U1", "nowhere"));
        assertThat(ackOf(owner, "U1").attrs().string("error")).isEqualTo("404");
        owner.send(post(news, "P1", "fine"));
        stranger.send(reaction(news, "R1", "100"));
        assertThat(ackOf(stranger, "R1").attrs().string("error")).isEqualTo("403");
        owner.send(reaction(news, "R2", "999"));
        assertThat(ackOf(owner, "R2").attrs().string("error")).isEqualTo("404");
        owner.send(reaction(news, "R3", "abc"));
        assertThat(ackOf(owner, "R3").attrs().string("error")).isEqualTo("400");
        owner.send(reaction(news, "R4", "100"));
        assertThat(ackOf(owner, "R4").attrs().has("error")).isFalse();

        Node fetched = owner.query(m.iq("newsletter", "get", Node.builder("messages").attr("type", "jid")
                .attr("jid", news).attr("count", 5).build()));
        Node only = fetched.child("messages").orElseThrow().children("message").getFirst();
        assertThat(only.child("reactions").orElseThrow().children("reaction").getFirst().attrs().string("count")).isEqualTo("1");
    }

    @Test
    void theDirectoryAndEachNewslettersPostsAreBounded() {
        NewsletterDirectory directory = new NewsletterDirectory();
        Account owner = m.a;
        for (int i = 0; i < NewsletterDirectory.LIMIT; i++) {
            assertThat(directory.create(owner, "N" + i, "", 0)).isPresent();
        }
        assertThat(directory.create(owner, "one too many", "", 0)).isEmpty();
        Newsletter newsletter = directory.of(owner).getFirst();
        for (int i = 0; i < Newsletter.POST_LIMIT + 10; i++) {
            newsletter.post("ID" + i, "text", 0, new byte[] {1});
        }
        List<Newsletter.Post> kept = newsletter.posts(Integer.MAX_VALUE, 0);
        assertThat(kept).hasSize(Newsletter.POST_LIMIT);
        assertThat(kept.getFirst().id()).isEqualTo("ID10");
    }

    private Node reaction(Jid to, String id, String serverId) {
        return Node.builder("message").attr("to", to).attr("id", id).attr("type", "reaction").attr("server_id", serverId)
                .children(Node.builder("reaction").attr("code", "👍").build()).build();
    }

    private static int errorCode(Node answer) {
        assertThat(answer.attrs().string("type")).as("%s", answer).isEqualTo("error");
        return Integer.parseInt(answer.child("error").orElseThrow().attrs().string("code"));
    }
}
