package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.groups.GroupHarness.A_JID;
import static io.tryx.simulator.groups.GroupHarness.B_JID;
import static io.tryx.simulator.groups.GroupHarness.C_JID;
import static io.tryx.simulator.groups.GroupHarness.assertError;
import static io.tryx.simulator.groups.GroupHarness.assertResult;
import static io.tryx.simulator.groups.GroupHarness.change;
import static io.tryx.simulator.groups.GroupHarness.jids;
import static io.tryx.simulator.groups.GroupHarness.lastChange;
import static io.tryx.simulator.groups.GroupHarness.notifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The w:g2 create, metadata, participating and participant-change IQs, with their notifications and errors. */
class GroupIqTest {

    private final GroupHarness h = new GroupHarness();

    @Test
    void createAnswersTheGroupWithTheCreatorAsSuperadminAndNotifiesEveryParticipant() {
        Node answer = h.query(h.a1, "@g.us", "set", Node.builder("create").attr("subject", "Team").attr("key", "K9")
                .children(GroupHarness.participantNodes(B_JID, h.c.lid().toString(), "15550000009@s.whatsapp.net", B_JID)).build());
        assertResult(answer);
        Node group = answer.child("group").orElseThrow();
        assertThat(group.attrs().string("id")).matches("120363[0-9]{12}");
        assertThat(group.attrs().string("creator")).isEqualTo(A_JID);
        assertThat(group.attrs().string("subject")).isEqualTo("Team");
        assertThat(group.attrs().string("s_o")).isEqualTo(A_JID);
        assertThat(group.attrs().string("addressing_mode")).isEqualTo("pn");
        assertThat(group.attrs().string("size")).isEqualTo("3");
        List<Node> participants = group.children("participant");
        assertThat(participants).extracting(p -> p.attrs().string("jid"))
                .containsExactly(A_JID, B_JID, C_JID, "15550000009@s.whatsapp.net");
        assertThat(participants.get(0).attrs().string("type")).isEqualTo("superadmin");
        assertThat(participants.get(0).attrs().string("lid")).isEqualTo(h.a.lid().toString());
        assertThat(participants.get(1).attrs().has("type")).isFalse();
        assertThat(participants.get(3).attrs().string("error")).isEqualTo("404");
        assertThat(GroupHarness.text(group.child("member_add_mode").orElseThrow())).isEqualTo("admin_add");

        for (var member : List.of(h.a1, h.b1, h.c1)) {
            Node notification = notifications(member).getLast();
            assertThat(notification.attrs().string("from")).isEqualTo(group.attrs().string("id") + "@g.us");
            assertThat(notification.attrs().string("participant")).isEqualTo(A_JID);
            assertThat(notification.attrs().string("notify")).isEqualTo("Alice");
            Node create = notification.child("create").orElseThrow();
            assertThat(create.attrs().string("key")).isEqualTo("K9");
            assertThat(jids(create.child("group").orElseThrow())).containsExactly(A_JID, B_JID, C_JID);
        }
    }

    @Test
    void createRefusesABadSubjectOrAMalformedParticipant() {
        assertError(h.query(h.a1, "@g.us", "set", Node.builder("create").attr("subject", " ").build()), 406);
        assertError(h.query(h.a1, "@g.us", "set", Node.builder("create").attr("subject", "x".repeat(101)).build()), 406);
        assertError(h.query(h.a1, "@g.us", "set", Node.builder("create").attr("subject", "ok")
                .children(GroupHarness.participantNodes("a@b@c")).build()), 400);
        assertError(h.query(h.a1, "@g.us", "get", Node.builder("create").attr("subject", "ok").build()), 400);
        assertThat(h.m.harness.groups.registry().groups()).isEmpty();
        assertThat(notifications(h.b1)).isEmpty();
    }

    @Test
    void metadataIsForParticipantsOnly() {
        String group = h.create(h.a1, "Team", B_JID);
        Node answer = h.query(h.b1, group, "get", Node.builder("query").attr("request", "interactive").build());
        assertResult(answer);
        assertThat(jids(answer.child("group").orElseThrow())).containsExactly(A_JID, B_JID);
        assertError(h.query(h.c1, group, "get", Node.builder("query").attr("request", "interactive").build()), 403);
        assertError(h.query(h.a1, "120363000000000000@g.us", "get", Node.builder("query").build()), 404);
        assertError(h.query(h.a1, B_JID, "get", Node.builder("query").build()), 400);
    }

    @Test
    void participatingListsTheSendersGroups() {
        String first = h.create(h.a1, "One", B_JID);
        String second = h.create(h.b1, "Two", C_JID);
        h.create(h.a1, "Three", C_JID);
        Node answer = h.query(h.b1, "@g.us", "get", Node.builder("participating")
                .children(Node.of("participants"), Node.of("description")).build());
        assertThat(answer.child("groups").orElseThrow().children("group"))
                .extracting(g -> g.attrs().string("id") + "@g.us").containsExactlyInAnyOrder(first, second);
    }

    @Test
    void onlyAdminsChangeParticipantsAndEachParticipantGetsItsOwnResult() {
        String group = h.create(h.a1, "Team", B_JID);
        assertError(h.query(h.b1, group, "set", change("promote", B_JID)), 401);
        assertError(h.query(h.c1, group, "set", change("add", C_JID)), 403);
        assertError(h.query(h.a1, "120363000000000001@g.us", "set", change("add", C_JID)), 404);

        Node added = h.query(h.a1, group, "set", change("add", C_JID, B_JID, "15550000009@s.whatsapp.net"));
        List<Node> results = added.child("add").orElseThrow().children("participant");
        assertThat(results).extracting(p -> p.attrs().optionalString("error").orElse("200")).containsExactly("200", "409", "404");
        Node addition = lastChange(h.c1);
        assertThat(addition.tag()).isEqualTo("add");
        assertThat(jids(addition)).containsExactly(C_JID);
        assertThat(lastChange(h.b1).tag()).isEqualTo("add");

        Node promoted = h.query(h.a1, group, "set", change("promote", B_JID, "15550000009@s.whatsapp.net"));
        assertThat(promoted.child("promote").orElseThrow().children("participant"))
                .extracting(p -> p.attrs().optionalString("error").orElse("200")).containsExactly("200", "404");
        for (var member : List.of(h.a1, h.b1, h.c1)) {
            assertThat(lastChange(member).tag()).isEqualTo("promote");
            assertThat(jids(lastChange(member))).containsExactly(B_JID);
        }
        // B is an admin now, but the creator stays out of its reach
        Node demoteCreator = h.query(h.b1, group, "set", change("demote", A_JID));
        assertThat(demoteCreator.child("demote").orElseThrow().children("participant").getFirst().attrs().string("error")).isEqualTo("403");
        Node removeCreator = h.query(h.b1, group, "set", change("remove", A_JID));
        assertThat(removeCreator.child("remove").orElseThrow().children("participant").getFirst().attrs().string("error")).isEqualTo("403");

        assertResult(h.query(h.b1, group, "set", change("remove", C_JID)));
        assertThat(lastChange(h.c1).tag()).isEqualTo("remove");
        assertThat(jids(lastChange(h.c1))).containsExactly(C_JID);
        assertThat(notifications(h.c1).getLast().attrs().string("participant")).isEqualTo(B_JID);
        assertError(h.query(h.c1, group, "get", Node.builder("query").build()), 403);
        Node removeAgain = h.query(h.a1, group, "set", change("remove", C_JID));
        assertThat(removeAgain.child("remove").orElseThrow().children("participant").getFirst().attrs().string("error")).isEqualTo("404");

        assertResult(h.query(h.a1, group, "set", change("demote", B_JID)));
        assertThat(lastChange(h.b1).tag()).isEqualTo("demote");
        assertThat(h.m.harness.groups.registry().find(group).orElseThrow().role(h.b)).contains(GroupRole.MEMBER);
    }

    @Test
    void anyMemberAddsWhenTheGroupSaysAllMemberAdd() {
        Node answer = h.query(h.a1, "@g.us", "set", Node.builder("create").attr("subject", "Open")
                .children(Node.builder("participant").attr("jid", B_JID).build(),
                        Node.builder("member_add_mode").text("all_member_add").build()).build());
        String group = answer.child("group").orElseThrow().attrs().string("id") + "@g.us";
        assertResult(h.query(h.b1, group, "set", change("add", C_JID)));
        assertThat(jids(lastChange(h.c1))).containsExactly(C_JID);
        assertError(h.query(h.b1, group, "set", change("promote", C_JID)), 401);
    }
}
