package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.groups.GroupHarness.A_JID;
import static io.tryx.simulator.groups.GroupHarness.B_JID;
import static io.tryx.simulator.groups.GroupHarness.C_JID;
import static io.tryx.simulator.groups.GroupHarness.assertError;
import static io.tryx.simulator.groups.GroupHarness.assertResult;
import static io.tryx.simulator.groups.GroupHarness.jids;
import static io.tryx.simulator.groups.GroupHarness.lastChange;
import static io.tryx.simulator.groups.GroupHarness.notifications;
import static io.tryx.simulator.groups.GroupHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The w:g2 subject, description, settings, leave and invite IQs, with their notifications and errors. */
class GroupSettingsIqTest {

    private final GroupHarness h = new GroupHarness();
    private final String group = h.create(h.a1, "Team", B_JID);

    @Test
    void anyMemberRenamesAnUnlockedGroupOnlyAdminsALockedOne() {
        assertResult(h.query(h.b1, group, "set", Node.builder("subject").bytes("By Bob".getBytes()).build()));
        Node subject = lastChange(h.a1);
        assertThat(subject.tag()).isEqualTo("subject");
        assertThat(subject.attrs().string("subject")).isEqualTo("By Bob");
        assertThat(subject.attrs().string("s_o")).isEqualTo(B_JID);
        assertThat(subject.attrs().has("s_t")).isTrue();
        Node meta = h.query(h.a1, group, "get", Node.of("query")).child("group").orElseThrow();
        assertThat(meta.attrs().string("subject")).isEqualTo("By Bob");
        assertThat(meta.attrs().string("s_o")).isEqualTo(B_JID);

        assertError(h.query(h.b1, group, "set", Node.of("locked")), 401);
        assertResult(h.query(h.a1, group, "set", Node.of("locked")));
        assertThat(lastChange(h.b1).tag()).isEqualTo("locked");
        assertError(h.query(h.b1, group, "set", Node.builder("subject").text("Again").build()), 401);
        assertError(h.query(h.a1, group, "set", Node.builder("subject").text("x".repeat(101)).build()), 406);
        assertError(h.query(h.c1, group, "set", Node.builder("subject").text("Not mine").build()), 403);
        assertResult(h.query(h.a1, group, "set", Node.of("unlocked")));
        assertThat(lastChange(h.b1).tag()).isEqualTo("unlocked");
        assertResult(h.query(h.b1, group, "set", Node.builder("subject").text("Open again").build()));
    }

    @Test
    void descriptionsCarryIdsAndAStalePrevIsAConflict() {
        Node set = Node.builder("description").attr("id", "D1").children(GroupNodes.body("About us")).build();
        assertResult(h.query(h.b1, group, "set", set));
        Node change = lastChange(h.a1);
        assertThat(change.attrs().string("id")).isEqualTo("D1");
        assertThat(text(change.child("body").orElseThrow())).isEqualTo("About us");
        Node described = h.query(h.a1, group, "get", Node.of("query")).child("group").orElseThrow().child("description").orElseThrow();
        assertThat(described.attrs().string("id")).isEqualTo("D1");
        assertThat(described.attrs().string("participant")).isEqualTo(B_JID);
        assertThat(text(described.child("body").orElseThrow())).isEqualTo("About us");

        assertError(h.query(h.a1, group, "set", Node.builder("description").attr("id", "D2").attr("prev", "D0")
                .children(GroupNodes.body("Lost update")).build()), 409);
        assertResult(h.query(h.a1, group, "set", Node.builder("description").attr("id", "D2").attr("prev", "D1")
                .children(GroupNodes.body("Newer")).build()));
        assertResult(h.query(h.a1, group, "set", Node.builder("description").attr("delete", "true").attr("prev", "D2").build()));
        assertThat(lastChange(h.b1).child("delete")).isPresent();
        assertThat(h.query(h.a1, group, "get", Node.of("query")).child("group").orElseThrow().child("description")).isEmpty();
    }

    @Test
    void announcementAndEphemeralSettingsAreAnnounced() {
        assertError(h.query(h.b1, group, "set", Node.of("announcement")), 401);
        assertResult(h.query(h.a1, group, "set", Node.of("announcement")));
        Node announce = lastChange(h.b1);
        assertThat(announce.tag()).isEqualTo("announcement");
        assertThat(announce.attrs().has("v_id")).isTrue();
        assertThat(h.query(h.b1, group, "get", Node.of("query")).child("group").orElseThrow().child("announcement")).isPresent();
        assertResult(h.query(h.a1, group, "set", Node.of("not_announcement")));
        assertThat(lastChange(h.b1).tag()).isEqualTo("not_announcement");

        assertResult(h.query(h.b1, group, "set", Node.builder("ephemeral").attr("expiration", "86400").build()));
        assertThat(lastChange(h.a1).attrs().string("expiration")).isEqualTo("86400");
        Node meta = h.query(h.a1, group, "get", Node.of("query")).child("group").orElseThrow();
        assertThat(meta.child("ephemeral").orElseThrow().attrs().string("expiration")).isEqualTo("86400");
        assertError(h.query(h.b1, group, "set", Node.builder("ephemeral").attr("expiration", "soon").build()), 400);
        assertResult(h.query(h.b1, group, "set", Node.of("not_ephemeral")));
        assertThat(h.query(h.a1, group, "get", Node.of("query")).child("group").orElseThrow().child("ephemeral")).isEmpty();
    }

    @Test
    void leavingAnnouncesTheRemovalAndAnEmptyGroupIsForgotten() {
        Node answer = h.query(h.b1, "@g.us", "set", Node.builder("leave").children(
                Node.builder("group").attr("id", group).build(),
                Node.builder("group").attr("id", "120363000000000002@g.us").build()).build());
        List<Node> results = answer.child("leave").orElseThrow().children("group");
        assertThat(results.get(0).attrs().has("error")).isFalse();
        assertThat(results.get(1).attrs().string("error")).isEqualTo("404");
        for (var member : List.of(h.a1, h.b1)) {
            assertThat(lastChange(member).tag()).isEqualTo("remove");
            assertThat(jids(lastChange(member))).containsExactly(B_JID);
            assertThat(notifications(member).getLast().attrs().string("participant")).isEqualTo(B_JID);
        }
        Node again = h.query(h.b1, "@g.us", "set", Node.builder("leave").children(Node.builder("group").attr("id", group).build()).build());
        assertThat(again.child("leave").orElseThrow().children("group").getFirst().attrs().string("error")).isEqualTo("403");
        assertError(h.query(h.b1, "@g.us", "set", Node.of("leave")), 400);

        h.query(h.a1, "@g.us", "set", Node.builder("leave").children(Node.builder("group").attr("id", group).build()).build());
        assertThat(h.m.harness.groups.registry().find(group)).isEmpty();
    }

    @Test
    void invitesAreForAdminsAndJoiningByCodeAddsTheJoiner() {
        assertError(h.query(h.b1, group, "get", Node.of("invite")), 401);
        assertError(h.query(h.c1, group, "get", Node.of("invite")), 403);
        String code = h.query(h.a1, group, "get", Node.of("invite")).child("invite").orElseThrow().attrs().string("code");
        assertThat(h.query(h.a1, group, "get", Node.of("invite")).child("invite").orElseThrow().attrs().string("code")).isEqualTo(code);

        Node info = h.query(h.c1, "@g.us", "get", Node.builder("invite").attr("code", code).build());
        assertThat(info.child("group").orElseThrow().attrs().string("subject")).isEqualTo("Team");
        assertThat(h.m.harness.groups.registry().find(group).orElseThrow().isParticipant(h.c)).isFalse();

        Node joined = h.query(h.c1, "@g.us", "set", Node.builder("invite").attr("code", code).build());
        assertThat(joined.child("group").orElseThrow().attrs().string("jid")).isEqualTo(group);
        Node add = lastChange(h.a1);
        assertThat(add.tag()).isEqualTo("add");
        assertThat(add.attrs().string("reason")).isEqualTo("invite");
        assertThat(jids(add)).containsExactly(C_JID);
        assertThat(jids(lastChange(h.c1))).containsExactly(C_JID);

        String fresh = h.query(h.a1, group, "set", Node.of("invite")).child("invite").orElseThrow().attrs().string("code");
        assertThat(fresh).isNotEqualTo(code);
        assertThat(lastChange(h.a1).attrs().string("code")).isEqualTo(fresh);
        assertThat(lastChange(h.c1).tag()).isEqualTo("add");
        assertError(h.query(h.b1, "@g.us", "set", Node.builder("invite").attr("code", code).build()), 410);
        assertError(h.query(h.b1, "@g.us", "get", Node.builder("invite").attr("code", "nonsense").build()), 406);
        assertThat(h.query(h.b1, "@g.us", "set", Node.builder("invite").attr("code", fresh).build())
                .child("group").orElseThrow().attrs().string("jid")).isEqualTo(group);
        assertThat(h.m.harness.groups.registry().find(group).orElseThrow().participants()).extracting(p -> p.account().jid().toString())
                .containsExactly(A_JID, B_JID, C_JID);
    }
}
