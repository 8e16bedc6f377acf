package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.newsletter.NewsletterEvent;
import io.tryx.protocol.client.newsletter.NewsletterMetadata;
import io.tryx.protocol.client.newsletter.NewsletterNotFoundException;
import io.tryx.protocol.client.newsletter.NewsletterPost;
import io.tryx.protocol.client.newsletter.NewsletterRole;
import io.tryx.protocol.client.newsletter.PostResult;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tryx.simulator.e2e.SocialClients.WITHIN;
import static io.tryx.simulator.e2e.SocialClients.await;
import static io.tryx.simulator.e2e.SocialClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code newsletter()} through the simulator: following a newsletter a mock phone owns (metadata, posts arriving as
 * {@link NewsletterEvent.PostReceived}, mute, unfollow stopping delivery), and one our client creates (posts reaching
 * a follower with their server id, reactions counted, fetched and pushed as live updates, typed refusals).
 */
class ClientNewslettersTest {

    static final String ALICE = "15550009101";
    static final String BOB = "15550009102";
    static final String CAROL = "15550009103";

    private SocialClients sim;
    private SocialClients.Peer alice;
    private SocialClients.Peer bob;
    private final List<NewsletterEvent> aliceEvents = new CopyOnWriteArrayList<>();
    private final List<NewsletterEvent> bobEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws InterruptedException {
        sim = new SocialClients(ALICE, BOB, CAROL);
        alice = sim.link(ALICE);
        bob = sim.link(BOB);
        alice.client().addNewsletterListener(aliceEvents::add);
        bob.client().addNewsletterListener(bobEvents::add);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aFollowerReadsMetadataReceivesPostsMutesAndStopsReceivingAfterUnfollowing() {
        Jid news = newsletterOf(CAROL, "Carol's news");
        Jid other = newsletterOf(CAROL, "Carol's other news");

        NewsletterMetadata before = await(bob.client().newsletter().metadata(news));
        assertThat(before.name()).isEqualTo("Carol's news");
        assertThat(before.description()).isEqualTo("about Carol's news");
        assertThat(before.viewer().role()).isEqualTo(NewsletterRole.GUEST);
        assertThat(before.following()).isFalse();

        await(bob.client().newsletter().follow(news));
        NewsletterMetadata following = await(bob.client().newsletter().metadata(news));
        assertThat(following.viewer()).isEqualTo(new NewsletterMetadata.Viewer(false, NewsletterRole.SUBSCRIBER));
        assertThat(following.subscribers()).isEqualTo(1);
        assertThat(following.inviteCode()).isNotEmpty();

        long serverId = postAsOwner(news, "first post");
        await("the post arrives").atMost(WITHIN).until(() -> posts(bobEvents).stream().anyMatch(p -> p.text().equals("first post")));
        NewsletterEvent.PostReceived post = posts(bobEvents).getFirst();
        assertThat(post.newsletter()).isEqualTo(news);
        assertThat(post.serverId()).isEqualTo(serverId);

        await(bob.client().newsletter().mute(news));
        assertThat(await(bob.client().newsletter().metadata(news)).viewer().muted()).isTrue();
        assertThat(sim.admin.get("/admin/newsletters/" + news).body().path("followers").get(0).path("muted").asBoolean()).isTrue();
        await(bob.client().newsletter().unmute(news));
        assertThat(await(bob.client().newsletter().metadata(news)).viewer().muted()).isFalse();
        assertThat(await(bob.client().newsletter().subscribed())).extracting(NewsletterMetadata::jid).containsExactly(news);

        await(bob.client().newsletter().unfollow(news));
        assertThat(sim.admin.get("/admin/newsletters/" + news).body().path("followers")).isEmpty();
        await(bob.client().newsletter().follow(other));
        postAsOwner(news, "after unfollowing");
        postAsOwner(other, "marker");
        await("the later post of the other newsletter arrives").atMost(WITHIN).until(() ->
                posts(bobEvents).stream().anyMatch(p -> p.text().equals("marker")));
        assertThat(posts(bobEvents)).extracting(NewsletterEvent.PostReceived::text).containsExactly("first post", "marker");
        await("the follower acknowledged every post").atMost(WITHIN).until(() -> sim.simulator.unacknowledged(BOB, 1) == 0);
    }

    @Test
    void ourOwnNewsletterReachesAFollowerWithReactionsCountedFetchedAndPushed() {
        long started = System.nanoTime();
        NewsletterMetadata created = await(alice.client().newsletter().create("Alice's channel", "all about Alice"));
        System.out.printf("newsletter created in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(created.jid().isNewsletter()).isTrue();
        assertThat(created.viewer().role()).isEqualTo(NewsletterRole.OWNER);
        assertThat(created.name()).isEqualTo("Alice's channel");

        NewsletterMetadata byInvite = await(bob.client().newsletter()
                .metadataByInvite("https://whatsapp.com/channel/" + created.inviteCode()));
        assertThat(byInvite.jid()).isEqualTo(created.jid());
        assertThat(byInvite.viewer()).isNull();
        await(bob.client().newsletter().follow(byInvite.jid()));

        started = System.nanoTime();
        PostResult posted = await(alice.client().newsletter().postText(created.jid(), "hello followers"));
        assertThat(posted.serverId()).isPositive();
        await("the follower receives it").atMost(WITHIN).until(() -> !posts(bobEvents).isEmpty());
        System.out.printf("newsletter post at the follower in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        NewsletterEvent.PostReceived received = posts(bobEvents).getFirst();
        assertThat(received.text()).isEqualTo("hello followers");
        assertThat(received.serverId()).isEqualTo(posted.serverId());
        assertThat(received.id()).isEqualTo(posted.id());

        Duration live = await(alice.client().newsletter().subscribeLiveUpdates(created.jid()));
        assertThat(live).isPositive();
        await(bob.client().newsletter().react(created.jid(), posted.serverId(), "👍"));
        await("the owner hears of the reaction").atMost(WITHIN).until(() -> aliceEvents.stream()
                .anyMatch(e -> e instanceof NewsletterEvent.ReactionsChanged r && r.serverId() == posted.serverId()
                        && r.counts().equals(Map.of("👍", 1))));

        await(alice.client().newsletter().postText(created.jid(), "second"));
        List<NewsletterPost> fetched = await(alice.client().newsletter().fetchPosts(created.jid(), 10, 0));
        assertThat(fetched).extracting(NewsletterPost::text).containsExactly("hello followers", "second");
        assertThat(fetched.getFirst().reactions()).isEqualTo(Map.of("👍", 1));
        assertThat(await(alice.client().newsletter().fetchPosts(created.jid(), 10, fetched.get(1).serverId())))
                .extracting(NewsletterPost::serverId).containsExactly(posted.serverId());
        await(bob.client().newsletter().react(created.jid(), posted.serverId(), ""));
        assertThat(await(bob.client().newsletter().fetchPosts(created.jid(), 1, 0 + fetched.get(1).serverId()))
                .getFirst().reactions()).isEmpty();

        assertThat(await(alice.client().newsletter().subscribed())).singleElement()
                .satisfies(m -> assertThat(m.viewer().role()).isEqualTo(NewsletterRole.OWNER));
        assertThat(failure(bob.client().newsletter().postText(created.jid(), "not mine")))
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(403));
        assertThat(failure(bob.client().newsletter().metadata(Jid.parse("120363999999999999@newsletter"))))
                .isInstanceOfSatisfying(NewsletterNotFoundException.class, e -> assertThat(e.code()).isEqualTo(404));
        assertThat(failure(bob.client().newsletter().fetchPosts(Jid.parse("120363999999999999@newsletter"), 5, 0)))
                .isInstanceOf(NewsletterNotFoundException.class);
    }

    private Jid newsletterOf(String owner, String name) {
        var created = sim.admin.post("/admin/newsletters", Map.of("owner", owner, "name", name, "description", "about " + name));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return Jid.parse(created.body().path("jid").asText());
    }

    private long postAsOwner(Jid newsletter, String text) {
        var posted = sim.admin.post("/admin/newsletters/" + newsletter + "/posts", Map.of("text", text));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(201);
        JsonNode body = posted.body();
        return body.path("serverId").asLong();
    }

    private static List<NewsletterEvent.PostReceived> posts(List<NewsletterEvent> events) {
        return events.stream().filter(NewsletterEvent.PostReceived.class::isInstance)
                .map(NewsletterEvent.PostReceived.class::cast).toList();
    }
}
