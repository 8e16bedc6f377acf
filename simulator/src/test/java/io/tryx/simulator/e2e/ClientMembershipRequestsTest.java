package io.tryx.simulator.e2e;

import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.Groups;
import io.tryx.protocol.client.groups.InviteJoin;
import io.tryx.protocol.client.groups.MembershipRequest;
import io.tryx.protocol.client.groups.ParticipantAction;
import io.tryx.protocol.client.groups.ParticipantResult;
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
 * Join approval through the in-process simulator with four of our clients: Alice turns it on for her group, Carol
 * and Dave join by invite and only ask, Alice sees the requests as events and in the list, approves Carol (who
 * then is a member, is told so and reads the group's messages) and rejects Dave (who is told and stays out).
 */
class ClientMembershipRequestsTest {

    static final String ALICE = "15550009661";
    static final String BOB = "15550009662";
    static final String CAROL = "15550009663";
    static final String DAVE = "15550009664";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private Linked alice;
    private Linked bob;
    private Linked carol;
    private Linked dave;
    private final Jid bobUser = user(BOB);
    private final Jid carolUser = user(CAROL);
    private final Jid daveUser = user(DAVE);

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(ALICE, BOB, CAROL, DAVE)) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
        alice = Linked.link(clients, admin, ALICE, new InMemoryAccountStore("alice"));
        bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        carol = Linked.link(clients, admin, CAROL, new InMemoryAccountStore("carol"));
        dave = Linked.link(clients, admin, DAVE, new InMemoryAccountStore("dave"));
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void joinsByInviteBecomeRequestsThatTheAdminApprovesOrRejects() throws Exception {
        Groups groups = alice.client().groups();
        Jid group = groups.create("Club", List.of(bobUser)).get(20, TimeUnit.SECONDS).jid();
        assertThat(groups.metadata(group).get(20, TimeUnit.SECONDS).joinApproval()).isFalse();
        groups.setting(group, new GroupSetting.JoinApproval(true)).get(20, TimeUnit.SECONDS);
        assertThat(groups.metadata(group).get(20, TimeUnit.SECONDS).joinApproval()).isTrue();
        await("Bob hears approval is on").atMost(WITHIN).until(() -> bob.events(GroupEvent.SettingChanged.class).stream()
                .anyMatch(s -> s.setting().equals(new GroupSetting.JoinApproval(true))));
        assertThatThrownBy(() -> bob.client().groups().membershipRequests(group).get(20, TimeUnit.SECONDS))
                .as("Bob is no admin").cause().isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(401));

        String code = groups.inviteCode(group).get(20, TimeUnit.SECONDS);
        long started = System.nanoTime();
        InviteJoin asked = carol.client().groups().join(code).get(20, TimeUnit.SECONDS);
        assertThat(asked).isEqualTo(new InviteJoin(group, true));
        await("Alice hears Carol's request").atMost(WITHIN).until(() -> alice.events(GroupEvent.MembershipRequested.class)
                .stream().anyMatch(r -> r.group().equals(group) && r.requesters().equals(List.of(carolUser))
                        && r.method().equals("invite_link")));
        System.out.printf("join request at the admin in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(dave.client().groups().joinByInvite(Groups.INVITE_LINK_PREFIX + code).get(20, TimeUnit.SECONDS))
                .isEqualTo(group);
        assertThat(groups.membershipRequests(group).get(20, TimeUnit.SECONDS)).extracting(MembershipRequest::requester)
                .containsExactly(carolUser, daveUser);
        assertThat(groups.metadata(group).get(20, TimeUnit.SECONDS).participant(carolUser)).isEmpty();
        assertThat(bob.events(GroupEvent.MembershipRequested.class)).as("only admins hear of requests").isEmpty();

        List<ParticipantResult> approved = groups.approveMembershipRequests(group, List.of(carolUser, bobUser))
                .get(20, TimeUnit.SECONDS);
        assertThat(approved).containsExactly(new ParticipantResult(carolUser, 0), new ParticipantResult(bobUser, 404));
        await("Carol hears she is in").atMost(WITHIN).until(() -> carol.events(GroupEvent.ParticipantsChanged.class).stream()
                .anyMatch(c -> c.group().equals(group) && c.action() == ParticipantAction.ADD
                        && c.participants().contains(carolUser)));
        assertThat(groups.metadata(group).get(20, TimeUnit.SECONDS).participant(carolUser)).isPresent();

        List<ParticipantResult> rejected = groups.rejectMembershipRequests(group, List.of(daveUser)).get(20, TimeUnit.SECONDS);
        assertThat(rejected).containsExactly(new ParticipantResult(daveUser, 0));
        await("Dave hears he was turned away").atMost(WITHIN).until(() -> dave.events(GroupEvent.MembershipRequestsRevoked.class)
                .stream().anyMatch(r -> r.group().equals(group) && r.requesters().equals(List.of(daveUser)) && !r.withdrawn()));
        assertThat(groups.membershipRequests(group).get(20, TimeUnit.SECONDS)).isEmpty();
        assertThat(admin.get("/admin/groups/" + group).body().path("participants").findValuesAsText("jid"))
                .contains(carolUser.toString()).doesNotContain(daveUser.toString());
        assertThat(groups.approveMembershipRequests(group, List.of(daveUser)).get(20, TimeUnit.SECONDS))
                .containsExactly(new ParticipantResult(daveUser, 404));

        alice.client().sendText(group, "welcome carol").get(20, TimeUnit.SECONDS);
        await("the approved member reads the group").atMost(WITHIN).until(() -> carol.textsIn(group).contains("welcome carol"));
        assertThat(dave.textsIn(group)).isEmpty();

        groups.setting(group, new GroupSetting.JoinApproval(false)).get(20, TimeUnit.SECONDS);
        assertThat(dave.client().groups().join(code).get(20, TimeUnit.SECONDS)).isEqualTo(new InviteJoin(group, false));
        assertThat(groups.metadata(group).get(20, TimeUnit.SECONDS).participant(daveUser)).isPresent();
        assertThatThrownBy(() -> groups.approveMembershipRequests(group, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Jid user(String phone) {
        return Jid.parse(phone + "@s.whatsapp.net");
    }
}
