package io.tryx.simulator.e2e;

import io.tryx.protocol.client.chatstate.ChatState;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.privacy.PrivacyValue;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.client.updates.UpdateEvent.ChatStateChanged;
import io.tryx.protocol.client.updates.UpdateEvent.PresenceChanged;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.tryx.simulator.e2e.SocialClients.WITHIN;
import static io.tryx.simulator.e2e.SocialClients.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code presence()} and {@code chatState()} of two of our clients through the simulator: availability seen at
 * the server and by a subscriber (with last seen, and hidden by privacy), typing/recording/paused in a 1:1 chat and
 * in a group, as {@link UpdateEvent}s in order.
 */
class ClientPresenceTest {

    static final String ALICE = "15550007101";
    static final String BOB = "15550007102";

    private SocialClients sim;
    private SocialClients.Peer alice;
    private SocialClients.Peer bob;

    @BeforeEach
    void start() throws InterruptedException {
        sim = new SocialClients(ALICE, BOB);
        alice = sim.link(ALICE);
        bob = sim.link(BOB);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aSubscriberSeesAvailabilityLastSeenAndItsPrivacy() {
        long started = System.nanoTime();
        PresenceChanged first = await(bob.client().presence().subscribe(alice.user()));
        System.out.printf("subscribe answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(first).isEqualTo(new PresenceChanged(alice.user(), false, null, false));
        assertThat(sim.get(ALICE, "presence").path("subscribers").asInt()).isEqualTo(1);

        await(alice.client().profile().setPushName("Alice A"));
        started = System.nanoTime();
        await(alice.client().presence().setAvailable());
        await("available at Bob").atMost(WITHIN).until(() -> last(bob).available());
        System.out.printf("available reached the subscriber in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(sim.get(ALICE, "presence").path("online").asBoolean()).isTrue();
        assertThat(sim.get(ALICE, "profile").path("pushName").asText()).as("the name rides on the presence").isEqualTo("Alice A");

        Instant before = Instant.now().minusSeconds(1);
        await(alice.client().presence().setUnavailable());
        await("unavailable at Bob").atMost(WITHIN).until(() -> !last(bob).available());
        PresenceChanged away = last(bob);
        assertThat(away.lastSeen()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(away.lastSeenHidden()).isFalse();
        assertThat(sim.get(ALICE, "presence").path("online").asBoolean()).isFalse();
        assertThat(sim.get(ALICE, "presence").path("lastSeen").asLong()).isEqualTo(away.lastSeen().getEpochSecond());

        await(alice.client().privacy().setLastSeen(PrivacyValue.NOBODY));
        await("last seen hidden at Bob").atMost(WITHIN).until(() -> last(bob).lastSeenHidden());
        assertThat(last(bob)).isEqualTo(new PresenceChanged(alice.user(), false, null, true));

        await(bob.client().presence().unsubscribe(alice.user()));
        await("unsubscribed").atMost(WITHIN).until(() -> sim.get(ALICE, "presence").path("subscribers").asInt() == 0);
        assertThatThrownBy(() -> bob.client().presence().subscribe(Jid.parse("120363000000000001@g.us")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chatStatesReachTheOtherSideInOrderInChatsAndGroups() {
        long started = System.nanoTime();
        await(alice.client().chatState().composing(bob.user()));
        await("composing at Bob").atMost(WITHIN).until(() -> !bob.updates(ChatStateChanged.class).isEmpty());
        System.out.printf("chat state relayed in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        await(alice.client().chatState().recording(bob.user()));
        await(alice.client().chatState().paused(bob.user()));
        await("all three at Bob").atMost(WITHIN).until(() -> bob.updates(ChatStateChanged.class).size() == 3);
        assertThat(bob.updates(ChatStateChanged.class)).containsExactly(
                new ChatStateChanged(alice.user(), alice.user(), ChatState.COMPOSING),
                new ChatStateChanged(alice.user(), alice.user(), ChatState.RECORDING),
                new ChatStateChanged(alice.user(), alice.user(), ChatState.PAUSED));

        await(bob.client().chatState().composing(alice.lid()));
        await("to a LID, from Bob's LID").atMost(WITHIN).until(() -> alice.updates(ChatStateChanged.class)
                .contains(new ChatStateChanged(bob.lid(), bob.lid(), ChatState.COMPOSING)));

        GroupInfo group = await(alice.client().groups().create("Typing", List.of(bob.user())));
        await(alice.client().chatState().composing(group.jid()));
        await("group chat state at Bob").atMost(WITHIN).until(() -> bob.updates(ChatStateChanged.class)
                .contains(new ChatStateChanged(group.jid(), alice.user(), ChatState.COMPOSING)));
        assertThat(alice.updates(ChatStateChanged.class)).as("not echoed to the sender")
                .noneMatch(c -> c.chat().equals(group.jid()));
        assertThatThrownBy(() -> alice.client().chatState().paused(Jid.parse("status@broadcast")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PresenceChanged last(SocialClients.Peer peer) {
        List<PresenceChanged> seen = peer.updates(PresenceChanged.class);
        return seen.isEmpty() ? new PresenceChanged(null, false, null, false) : seen.getLast();
    }

}
