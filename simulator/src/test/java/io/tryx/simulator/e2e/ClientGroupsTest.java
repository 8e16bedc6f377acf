package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupRole;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.ParticipantAction;
import io.tryx.protocol.client.groups.ParticipantResult;
import io.tryx.protocol.client.messaging.GroupEvent;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.ReceiptType;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Three of our clients on three accounts in a group through the in-process simulator: created through
 * {@code groups()}, texts both ways (sender key distribution, then skmsg only), group receipts, change notifications
 * as {@link GroupEvent}s, every group operation checked against the server's state, and a removed member that gets
 * nothing more while the others read on under a new sender key.
 */
class ClientGroupsTest {

    static final String ALICE = "15550006661";
    static final String BOB = "15550006662";
    static final String CAROL = "15550006663";
    static final String DAVE = "15550006664";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private Linked alice;
    private Linked bob;
    private Linked carol;
    private InMemoryAccountStore aliceStore;
    private final Jid aliceUser = user(ALICE);
    private final Jid bobUser = user(BOB);
    private final Jid carolUser = user(CAROL);
    private final Jid daveUser = user(DAVE);

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(ALICE, BOB, CAROL, DAVE)) {
            AdminClient.Answer created = admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        }
        aliceStore = new InMemoryAccountStore("alice");
        alice = Linked.link(clients, admin, ALICE, aliceStore);
        bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        carol = Linked.link(clients, admin, CAROL, new InMemoryAccountStore("carol"));
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void threeOfOurClientsChatInAGroupAndARemovedMemberGetsNothingMore() throws Exception {
        long started = System.nanoTime();
        GroupInfo info = alice.client().groups().create("Team", List.of(bobUser, carolUser)).get(20, TimeUnit.SECONDS);
        System.out.printf("our client created %s in %d ms%n", info.jid(), (System.nanoTime() - started) / 1_000_000);
        Jid group = info.jid();
        assertThat(info.participants()).extracting(p -> p.jid()).containsExactlyInAnyOrder(aliceUser, bobUser, carolUser);
        assertThat(info.participant(aliceUser).orElseThrow().role()).isEqualTo(GroupRole.SUPERADMIN);
        for (Linked member : List.of(alice, bob, carol)) {
            await("create notification").atMost(WITHIN).until(() -> member.events(GroupEvent.GroupCreated.class).stream()
                    .anyMatch(c -> c.group().equals(group) && c.info().participants().size() == 3));
        }

        started = System.nanoTime();
        SendResult hello = alice.client().sendText(group, "hello team").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.textsIn(group).contains("hello team") && carol.textsIn(group).contains("hello team"));
        System.out.printf("our client -> group (metadata, usync, prekeys, sender key, skmsg) at both members in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        MessageEvent.MessageReceived atBob = bob.received().getLast();
        assertThat(atBob.info().group()).isTrue();
        assertThat(atBob.info().id()).isEqualTo(hello.id());
        assertThat(atBob.info().sender()).isEqualTo(alice.connected().jid());
        await("Bob's mock phone decrypts the skmsg").atMost(WITHIN).until(() -> inboxTexts(BOB).contains("hello team"));
        await("group delivery receipts").atMost(WITHIN).until(() -> alice.receipts().stream().filter(r ->
                r.ids().contains(hello.id()) && r.type() == ReceiptType.DELIVERY && r.chat().equals(group))
                .map(r -> r.sender().toNonAd()).toList().containsAll(List.of(bobUser, carolUser)));

        started = System.nanoTime();
        SendResult reply = bob.client().sendText(group, "hi alice").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> alice.textsIn(group).contains("hi alice") && carol.textsIn(group).contains("hi alice"));
        System.out.printf("reply -> group at both members in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        alice.client().markRead(group, bob.connected().jid(), reply.id()).get(5, TimeUnit.SECONDS);
        await("group read receipt").atMost(WITHIN).until(() -> bob.receiptsOf(reply.id()).contains(ReceiptType.READ));

        started = System.nanoTime();
        alice.client().sendText(group, "second").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.textsIn(group).contains("second") && carol.textsIn(group).contains("second"));
        System.out.printf("second message (skmsg only) at both members in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(aliceStore.senderKeyRecipients(group)).as("Bob's, Carol's and Alice's own phone")
                .extracting(Jid::toNonAd).contains(bobUser, carolUser, aliceUser);

        List<ParticipantResult> removed = alice.client().groups().removeParticipants(group, List.of(carolUser))
                .get(20, TimeUnit.SECONDS);
        assertThat(removed).containsExactly(new ParticipantResult(carolUser, 0));
        await("Carol hears she was removed").atMost(WITHIN).until(() -> carol.events(GroupEvent.ParticipantsChanged.class)
                .stream().anyMatch(c -> c.action() == ParticipantAction.REMOVE && c.participants().contains(carolUser)));
        await("Alice rotated her sender key").atMost(WITHIN).until(() -> aliceStore.senderKeyRecipients(group).isEmpty());

        alice.client().sendText(group, "after carol").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.textsIn(group).contains("after carol"));
        assertThat(aliceStore.senderKeyRecipients(group)).extracting(Jid::toNonAd).doesNotContain(carolUser)
                .contains(bobUser);
        alice.client().sendText(carolUser, "direct to carol").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> carol.texts().contains("direct to carol"));
        assertThat(carol.texts()).doesNotContain("after carol");
        assertThatThrownBy(() -> carol.client().sendText(group, "let me in").get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().hasMessageContaining("NOT_A_PARTICIPANT");
        for (Linked member : List.of(alice, bob, carol)) {
            assertThat(member.undecryptable()).isEmpty();
        }
    }

    @Test
    void everyGroupOperationChangesTheServersStateAndReachesTheMembersAsEvents() throws Exception {
        var groups = alice.client().groups();
        Jid group = groups.create("Ops", List.of(bobUser, carolUser)).get(20, TimeUnit.SECONDS).jid();
        assertThat(server(group).path("subject").asText()).isEqualTo("Ops");

        groups.setSubject(group, "Ops 2").get(20, TimeUnit.SECONDS);
        assertThat(server(group).path("subject").asText()).isEqualTo("Ops 2");
        groups.setDescription(group, "what we do").get(20, TimeUnit.SECONDS);
        assertThat(server(group).path("description").asText()).isEqualTo("what we do");
        groups.setDescription(group, "what we do now").get(20, TimeUnit.SECONDS);
        assertThat(server(group).path("description").asText()).isEqualTo("what we do now");
        groups.setting(group, new GroupSetting.Locked(true)).get(20, TimeUnit.SECONDS);
        assertThat(server(group).path("locked").asBoolean()).isTrue();
        groups.setting(group, new GroupSetting.Announce(true)).get(20, TimeUnit.SECONDS);
        assertThat(server(group).path("announce").asBoolean()).isTrue();
        groups.setting(group, new GroupSetting.Ephemeral(86400)).get(20, TimeUnit.SECONDS);
        assertThat(server(group).path("ephemeral").asInt()).isEqualTo(86400);

        assertThat(groups.promoteParticipants(group, List.of(bobUser)).get(20, TimeUnit.SECONDS)).allMatch(ParticipantResult::ok);
        assertThat(role(group, BOB)).isEqualTo("admin");
        assertThat(groups.demoteParticipants(group, List.of(bobUser)).get(20, TimeUnit.SECONDS)).allMatch(ParticipantResult::ok);
        assertThat(role(group, BOB)).isEqualTo("member");
        List<ParticipantResult> added = groups.addParticipants(group, List.of(daveUser, bobUser, user("15550006669")))
                .get(20, TimeUnit.SECONDS);
        assertThat(added).extracting(ParticipantResult::error).containsExactly(0, 409, 404);
        assertThat(role(group, DAVE)).isEqualTo("member");

        GroupInfo meta = bob.client().groups().metadata(group).get(20, TimeUnit.SECONDS);
        assertThat(meta.subject()).isEqualTo("Ops 2");
        assertThat(meta.description()).isEqualTo("what we do now");
        assertThat(meta.locked()).isTrue();
        assertThat(meta.announce()).isTrue();
        assertThat(meta.ephemeralSeconds()).isEqualTo(86400);
        assertThat(meta.participants()).hasSize(4);
        assertThat(bob.client().groups().participating().get(20, TimeUnit.SECONDS)).extracting(GroupInfo::jid).contains(group);

        // Bob is no admin: a locked group refuses his subject, an announcement group his message
        assertThatThrownBy(() -> bob.client().groups().setSubject(group, "mine").get(20, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(401));
        assertThatThrownBy(() -> bob.client().groups().inviteCode(group).get(20, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(401));

        String code = groups.inviteCode(group).get(20, TimeUnit.SECONDS);
        String fresh = groups.revokeInvite(group).get(20, TimeUnit.SECONDS);
        assertThat(fresh).isNotEqualTo(code);
        assertThatThrownBy(() -> carol.client().groups().joinByInvite(code).get(20, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isIn(410, 403, 409));

        carol.client().groups().leave(group).get(20, TimeUnit.SECONDS);
        assertThat(participants(group)).doesNotContain(CAROL + "@s.whatsapp.net");
        assertThat(carol.client().groups().inviteInfo(fresh).get(20, TimeUnit.SECONDS).jid()).isEqualTo(group);
        assertThat(carol.client().groups().joinByInvite("https://chat.whatsapp.com/" + fresh).get(20, TimeUnit.SECONDS))
                .isEqualTo(group);
        assertThat(participants(group)).contains(CAROL + "@s.whatsapp.net");
        assertThatThrownBy(() -> carol.client().groups().joinByInvite("nonsense").get(20, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(406));
        assertThatThrownBy(() -> bob.client().groups().metadata(Jid.parse("120363999999999999@g.us")).get(20, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(404));

        await("Bob saw every change").atMost(WITHIN).until(() -> bob.events(GroupEvent.class).size() >= 12);
        List<GroupEvent> atBob = new ArrayList<>(bob.events(GroupEvent.class));
        assertThat(atBob).filteredOn(e -> e.group().equals(group)).extracting(ClientGroupsTest::describe).containsSubsequence(
                "created", "subject Ops 2", "description what we do", "description what we do now",
                "Locked[on=true]", "Announce[on=true]", "Ephemeral[seconds=86400]",
                "PROMOTE [" + bobUser + "]", "DEMOTE [" + bobUser + "]", "ADD [" + daveUser + "]",
                "REMOVE [" + carolUser + "]", "ADD [" + carolUser + "]");
        assertThat(alice.events(GroupEvent.InviteCodeChanged.class)).extracting(GroupEvent.InviteCodeChanged::code).contains(fresh);
        assertThat(atBob).filteredOn(e -> e instanceof GroupEvent.SubjectChanged).allSatisfy(e ->
                assertThat(e.actor()).isEqualTo(aliceUser));

        // the admin turns announcements off; the rejoined Carol and Dave's phone read Bob's text
        groups.setting(group, new GroupSetting.Announce(false)).get(20, TimeUnit.SECONDS);
        CompletableFuture<SendResult> fromBob = bob.client().sendText(group, "open again");
        fromBob.get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> carol.textsIn(group).contains("open again") && alice.textsIn(group).contains("open again"));
        await("Dave's mock phone").atMost(WITHIN).until(() -> inboxTexts(DAVE).contains("open again"));
        bob.client().groups().leave(group).get(20, TimeUnit.SECONDS);
        assertThat(participants(group)).doesNotContain(BOB + "@s.whatsapp.net");
    }

    private static String describe(GroupEvent event) {
        return switch (event) {
            case GroupEvent.GroupCreated c -> "created";
            case GroupEvent.SubjectChanged s -> "subject " + s.subject();
            case GroupEvent.DescriptionChanged d -> "description " + d.description();
            case GroupEvent.SettingChanged s -> s.setting().toString();
            case GroupEvent.ParticipantsChanged p -> p.action() + " " + p.participants();
            case GroupEvent.InviteCodeChanged i -> "invite";
            default -> event.getClass().getSimpleName();
        };
    }

    private JsonNode server(Jid group) {
        AdminClient.Answer answer = admin.get("/admin/groups/" + group);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private List<String> participants(Jid group) {
        return server(group).path("participants").findValuesAsText("jid");
    }

    private String role(Jid group, String phone) {
        for (JsonNode p : server(group).path("participants")) {
            if (p.path("jid").asText().equals(phone + "@s.whatsapp.net")) {
                return p.path("role").asText();
            }
        }
        return "absent";
    }

    private List<String> inboxTexts(String phone) {
        return admin.get("/admin/accounts/" + phone + "/inbox").body().findValuesAsText("text");
    }

    private static Jid user(String phone) {
        return Jid.parse(phone + "@s.whatsapp.net");
    }
}
