package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.community.Communities;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.LinkedGroup;
import io.tryx.protocol.client.messaging.GroupEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Communities through the in-process simulator with three of our clients: Alice creates a community with Bob (the
 * server makes its announcement group), creates a group inside it, links Carol's group and unlinks it again; the
 * members see the links as {@link GroupEvent}s, the metadata and sub-group list carry the community facts, and
 * the server refuses what a member may not do with its code.
 */
class ClientCommunityTest {

    static final String ALICE = "15550008661";
    static final String BOB = "15550008662";
    static final String CAROL = "15550008663";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private Linked alice;
    private Linked bob;
    private Linked carol;
    private final Jid aliceUser = user(ALICE);
    private final Jid bobUser = user(BOB);
    private final Jid carolUser = user(CAROL);

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(ALICE, BOB, CAROL)) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
        alice = Linked.link(clients, admin, ALICE, new InMemoryAccountStore("alice"));
        bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        carol = Linked.link(clients, admin, CAROL, new InMemoryAccountStore("carol"));
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void aCommunityComesWithItsAnnouncementGroupAndLinksAndUnlinksGroupsWithEventsForTheMembers() throws Exception {
        Communities communities = alice.client().community();
        long started = System.nanoTime();
        GroupInfo community = communities.create("Neighbours", List.of(bobUser)).get(20, TimeUnit.SECONDS);
        System.out.printf("community created in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Jid parent = community.jid();
        assertThat(community.parent()).isTrue();
        assertThat(community.linkedParent()).isNull();
        assertThat(community.participants()).extracting(p -> p.jid()).containsExactlyInAnyOrder(aliceUser, bobUser);

        List<LinkedGroup> subGroups = communities.subGroups(parent).get(20, TimeUnit.SECONDS);
        assertThat(subGroups).hasSize(1);
        LinkedGroup announcements = subGroups.getFirst();
        assertThat(announcements.defaultSubGroup()).isTrue();
        assertThat(announcements.subject()).isEqualTo("Neighbours");
        GroupInfo announcementInfo = bob.client().groups().metadata(announcements.jid()).get(20, TimeUnit.SECONDS);
        assertThat(announcementInfo.defaultSubGroup()).isTrue();
        assertThat(announcementInfo.announce()).isTrue();
        assertThat(announcementInfo.linkedParent()).isEqualTo(parent);
        await("Bob hears of the community and its announcement group").atMost(WITHIN).until(() ->
                bob.events(GroupEvent.GroupCreated.class).stream().map(GroupEvent::group).toList()
                        .containsAll(List.of(parent, announcements.jid())));
        assertThat(bob.events(GroupEvent.GroupCreated.class)).filteredOn(c -> c.group().equals(parent))
                .allSatisfy(c -> assertThat(c.info().parent()).isTrue());

        GroupInfo inside = communities.createGroup(parent, "Gardening", List.of(bobUser)).get(20, TimeUnit.SECONDS);
        assertThat(inside.linkedParent()).isEqualTo(parent);
        assertThat(inside.parent()).isFalse();

        Jid carols = carol.client().groups().create("Carol's street", List.of(aliceUser)).get(20, TimeUnit.SECONDS).jid();
        assertThatThrownBy(() -> communities.link(parent, carols).get(20, TimeUnit.SECONDS)).as("Alice admins no group of Carol's")
                .cause().isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(401));
        carol.client().groups().promoteParticipants(carols, List.of(aliceUser)).get(20, TimeUnit.SECONDS);
        started = System.nanoTime();
        communities.link(parent, carols).get(20, TimeUnit.SECONDS);
        System.out.printf("group linked in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        for (Linked member : List.of(bob, carol)) {
            await("link event").atMost(WITHIN).until(() -> member.events(GroupEvent.GroupLinked.class).stream()
                    .anyMatch(l -> l.group().equals(parent) && l.linked().jid().equals(carols)
                            && l.linked().subject().equals("Carol's street") && aliceUser.equals(l.actor())));
        }
        assertThat(carol.client().groups().metadata(carols).get(20, TimeUnit.SECONDS).linkedParent()).isEqualTo(parent);
        List<LinkedGroup> linked = communities.subGroups(parent).get(20, TimeUnit.SECONDS);
        assertThat(linked.getFirst()).as("the announcement group first").isEqualTo(announcements);
        assertThat(linked).extracting(LinkedGroup::jid).containsExactlyInAnyOrder(announcements.jid(), inside.jid(), carols);
        assertThat(bob.client().community().linkedGroupsParticipants(parent).get(20, TimeUnit.SECONDS))
                .containsExactlyInAnyOrder(aliceUser, bobUser, carolUser);
        JsonNode atServer = admin.get("/admin/groups/" + carols).body();
        assertThat(atServer.path("linkedParent").asText()).isEqualTo(parent.toString());
        assertThatThrownBy(() -> communities.link(parent, carols).get(20, TimeUnit.SECONDS)).as("linked already")
                .cause().isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(409));

        assertThatThrownBy(() -> bob.client().community().unlink(parent, carols).get(20, TimeUnit.SECONDS))
                .as("Bob admins no community").cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(401));
        assertThatThrownBy(() -> communities.unlink(parent, announcements.jid()).get(20, TimeUnit.SECONDS))
                .as("the announcement group stays").cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(406));
        communities.unlink(parent, carols).get(20, TimeUnit.SECONDS);
        await("unlink event at Carol").atMost(WITHIN).until(() -> carol.events(GroupEvent.GroupUnlinked.class).stream()
                .anyMatch(u -> u.group().equals(parent) && u.unlinked().jid().equals(carols)));
        assertThat(carol.client().groups().metadata(carols).get(20, TimeUnit.SECONDS).linkedParent()).isNull();
        assertThat(communities.subGroups(parent).get(20, TimeUnit.SECONDS)).extracting(LinkedGroup::jid)
                .containsExactly(announcements.jid(), inside.jid());
        assertThat(communities.metadata(parent).get(20, TimeUnit.SECONDS).parent()).isTrue();
        assertThatThrownBy(() -> communities.subGroups(carols).get(20, TimeUnit.SECONDS)).as("no community")
                .cause().isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(406));
        assertThatThrownBy(() -> communities.link(aliceUser, carols)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Jid user(String phone) {
        return Jid.parse(phone + "@s.whatsapp.net");
    }
}
