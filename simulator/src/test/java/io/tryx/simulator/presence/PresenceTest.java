package io.tryx.simulator.presence;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.privacy.PrivacyCategory;
import io.tryx.simulator.social.SocialHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static org.assertj.core.api.Assertions.assertThat;

class PresenceTest {

    private final SocialHarness h = new SocialHarness();

    @Test
    void aSubscriberGetsThePresenceAtOnceAndOnEveryChange() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        alice.send(available("Alice Renamed"));
        assertThat(h.a.pushName()).isEqualTo("Alice Renamed");

        bob.send(subscribe(h.a.jid().toString()));
        Node now = presences(bob).getLast();
        assertThat(now.attrs().string("from")).isEqualTo(h.a.jid().toString());
        assertThat(now.attrs().string("type")).isEqualTo("available");

        h.m.harness.clock.advance(Duration.ofSeconds(30));
        alice.send(Node.builder("presence").attr("type", "unavailable").build());
        Node away = presences(bob).getLast();
        assertThat(away.attrs().string("type")).isEqualTo("unavailable");
        assertThat(away.attrs().string("last")).isEqualTo(Long.toString(h.m.harness.clock.instant().getEpochSecond()));

        alice.send(available(null));
        assertThat(presences(bob)).hasSize(3);
        assertThat(presences(bob).getLast().attrs().string("type")).isEqualTo("available");
        assertThat(h.a.pushName()).isEqualTo("Alice Renamed");
    }

    @Test
    void theAccountIsOnlineWhileAnyCompanionIsAndTheEndOfASessionCounts() {
        TestClient alice1 = h.companion(h.a);
        TestClient alice2 = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        bob.send(subscribe(h.a.lid().toString()));
        assertThat(presences(bob).getLast().attrs().string("type")).isEqualTo("unavailable");
        assertThat(presences(bob).getLast().attrs().has("last")).isFalse();
        assertThat(presences(bob).getLast().attrs().string("from")).isEqualTo(h.a.lid().toString());

        alice1.send(available(null));
        alice2.send(available(null));
        assertThat(presences(bob)).hasSize(2);
        alice1.connection.close();
        assertThat(presences(bob)).hasSize(2);
        assertThat(h.social.presences().snapshot(h.a).online()).isTrue();
        alice2.connection.close();
        assertThat(presences(bob).getLast().attrs().string("type")).isEqualTo("unavailable");
        assertThat(h.social.presences().snapshot(h.a).online()).isFalse();
    }

    @Test
    void privacyHidesLastSeenAndOnline() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        h.social.privacy().settings(h.a).set(PrivacyCategory.LAST, "none");
        alice.send(available(null));
        alice.send(Node.builder("presence").attr("type", "unavailable").build());

        bob.send(subscribe(h.a.jid().toString()));
        assertThat(presences(bob).getLast().attrs().string("last")).isEqualTo("deny");
        alice.send(available(null));
        assertThat(presences(bob).getLast().attrs().string("type")).isEqualTo("available");

        h.social.privacy().settings(h.a).set(PrivacyCategory.ONLINE, "match_last_seen");
        h.social.presences().refresh(h.a);
        Node hidden = presences(bob).getLast();
        assertThat(hidden.attrs().string("type")).isEqualTo("unavailable");
        assertThat(hidden.attrs().string("last")).isEqualTo("deny");
    }

    @Test
    void blocksHidePresenceBothWays() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        alice.send(available(null));
        bob.send(available(null));
        h.social.privacy().blocklist().block(h.a, h.b);

        alice.send(subscribe(h.b.jid().toString()));
        assertThat(presences(alice)).isEmpty();
        bob.send(subscribe(h.a.jid().toString()));
        assertThat(presences(bob).getLast().attrs().string("type")).isEqualTo("unavailable");
        assertThat(presences(bob).getLast().attrs().string("last")).isEqualTo("deny");
    }

    @Test
    void aSubscriptionEndsWithTheSubscribersSessionAndUnsubscribe() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        TestClient carol = h.companion(h.c);
        bob.send(subscribe(h.a.jid().toString()));
        carol.send(subscribe(h.a.jid().toString()));
        assertThat(h.social.presences().subscribers(h.a)).isEqualTo(2);
        bob.connection.close();
        carol.send(Node.builder("presence").attr("type", "unsubscribe").attr("to", h.a.jid()).build());
        assertThat(h.social.presences().subscribers(h.a)).isZero();
        alice.send(available(null));
        assertThat(presences(carol)).hasSize(1);
    }

    @Test
    void aPresenceWithoutTypeOnlyRenamesTheAccount() {
        TestClient alice = h.companion(h.a);
        alice.send(Node.builder("presence").attr("name", "Ally").build());
        assertThat(h.a.pushName()).isEqualTo("Ally");
        assertThat(h.social.presences().snapshot(h.a).online()).isFalse();
        alice.send(Node.builder("presence").attr("type", "available").attr("name", " ").build());
        assertThat(h.a.pushName()).isEqualTo("Ally");
        assertThat(h.social.presences().snapshot(h.a).online()).isTrue();
    }

    @Test
    void malformedPresencesAreDropped() {
        TestClient bob = h.companion(h.b);
        bob.send(subscribe("19999999999@s.whatsapp.net"));
        bob.send(Node.builder("presence").attr("type", "subscribe").build());
        bob.send(Node.builder("presence").attr("type", "subscribe").attr("to", "@@").build());
        bob.send(Node.builder("presence").attr("type", "probe").build());
        assertThat(presences(bob)).isEmpty();
        assertThat(bob.connection.isOpen()).isTrue();
    }

    static Node available(String name) {
        Node.Builder presence = Node.builder("presence").attr("type", "available");
        if (name != null) {
            presence.attr("name", name);
        }
        return presence.build();
    }

    static Node subscribe(String to) {
        return Node.builder("presence").attr("type", "subscribe").attr("to", to).attr("id", "sub-" + to)
                .children(Node.builder("tctoken").bytes(new byte[] {1, 2, 3}).build()).build();
    }

    static List<Node> presences(TestClient client) {
        return tagged(client, "presence");
    }
}
