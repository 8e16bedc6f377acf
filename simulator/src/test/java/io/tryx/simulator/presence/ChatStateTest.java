package io.tryx.simulator.presence;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.social.SocialHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static org.assertj.core.api.Assertions.assertThat;

class ChatStateTest {

    private final SocialHarness h = new SocialHarness();

    @Test
    void composingReachesEveryOnlineCompanionOfTheRecipient() {
        TestClient alice = h.companion(h.a);
        TestClient bob1 = h.companion(h.b);
        TestClient bob2 = h.companion(h.b);
        alice.send(chatState(h.b.jid().toString(), Node.builder("composing").build()));
        for (TestClient bob : List.of(bob1, bob2)) {
            Node state = tagged(bob, "chatstate").getLast();
            assertThat(state.attrs().string("from")).isEqualTo(h.a.jid().toString());
            assertThat(state.children()).singleElement().satisfies(c -> assertThat(c.tag()).isEqualTo("composing"));
        }
        alice.send(chatState(h.b.lid().toString(), Node.builder("composing").attr("media", "audio").build()));
        Node recording = tagged(bob1, "chatstate").getLast();
        assertThat(recording.attrs().string("from")).isEqualTo(h.a.lid().toString());
        assertThat(recording.child("composing").orElseThrow().attrs().string("media")).isEqualTo("audio");
        assertThat(tagged(alice, "chatstate")).isEmpty();
        assertThat(tagged(alice, "ack")).isEmpty();
    }

    @Test
    void chatStatesAreNeverQueuedForOfflineDevices() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        bob.connection.close();
        alice.send(chatState(h.b.jid().toString(), Node.builder("paused").build()));
        assertThat(h.m.harness.messaging.delivery().queued(h.b.jid().withDevice(1))).isZero();
    }

    @Test
    void groupChatStatesCarryTheParticipant() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        TestClient carol = h.companion(h.c);
        Node create = Node.builder("iq").attr("id", "g1").attr("xmlns", "w:g2").attr("type", "set").attr("to", "@g.us")
                .children(Node.builder("create").attr("subject", "team").attr("key", "k1")
                        .children(Node.builder("participant").attr("jid", h.b.jid()).build()).build()).build();
        String group = SocialHarness.result(alice, create).child("group").orElseThrow().attrs().string("id") + "@g.us";
        alice.send(chatState(group, Node.builder("composing").build()));
        Node state = tagged(bob, "chatstate").getLast();
        assertThat(state.attrs().string("from")).isEqualTo(group);
        assertThat(state.attrs().string("participant")).isEqualTo(h.a.jid().toString());
        assertThat(tagged(carol, "chatstate")).isEmpty();
        carol.send(chatState(group, Node.builder("composing").build()));
        assertThat(tagged(alice, "chatstate")).isEmpty();
    }

    @Test
    void blockedSendersAndMalformedStatesAreDropped() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        h.social.privacy().blocklist().block(h.b, h.a);
        alice.send(chatState(h.b.jid().toString(), Node.builder("composing").build()));
        bob.send(chatState(h.a.jid().toString(), Node.builder("typing").build()));
        bob.send(chatState("@@", Node.builder("composing").build()));
        bob.send(Node.builder("chatstate").attr("to", h.a.jid()).build());
        assertThat(tagged(bob, "chatstate")).isEmpty();
        assertThat(tagged(alice, "chatstate")).isEmpty();
        assertThat(bob.connection.isOpen()).isTrue();
    }

    static Node chatState(String to, Node state) {
        return Node.builder("chatstate").attr("to", to).children(state).build();
    }
}
