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
import static org.assertj.core.api.Assertions.assertThat;

/** The w:g2 community IQs (create with parent or linked_parent, links, unlink, sub_groups) and join approval, on the wire. */
class CommunityIqTest {

    private final GroupHarness h = new GroupHarness();

    @Test
    void aCommunityComesWithItsAnnouncementGroupAndOnlyAdminsOfBothLinkAGroup() {
        Node answer = h.query(h.a1, "@g.us", "set", Node.builder("create").attr("subject", "Town").attr("key", "K")
                .children(Node.builder("participant").attr("jid", B_JID).build(),
                        Node.builder("parent").attr("default_membership_approval_mode", "request_required").build()).build());
        assertResult(answer);
        Node created = answer.child("group").orElseThrow();
        assertThat(created.child("parent").orElseThrow().attrs().string("default_membership_approval_mode"))
                .isEqualTo("request_required");
        String community = created.attrs().string("id") + "@g.us";
        assertThat(notifications(h.b1)).extracting(n -> n.children().getFirst().tag()).containsExactly("create", "create");
        Node announcementCreated = notifications(h.b1).getLast().children().getFirst().child("group").orElseThrow();
        assertThat(announcementCreated.child("default_sub_group")).isPresent();
        assertThat(announcementCreated.child("announcement")).isPresent();
        assertThat(announcementCreated.child("linked_parent").orElseThrow().attrs().string("jid")).isEqualTo(community);
        assertThat(jids(announcementCreated)).containsExactlyInAnyOrder(A_JID, B_JID);

        Node subGroups = h.query(h.b1, community, "get", Node.of("sub_groups")).child("sub_groups").orElseThrow();
        assertThat(subGroups.children("group")).singleElement().satisfies(g -> {
            assertThat(g.child("default_sub_group")).isPresent();
            assertThat(g.attrs().string("subject")).isEqualTo("Town");
        });

        Node inside = Node.builder("create").attr("subject", "Inside").attr("key", "K2")
                .children(Node.builder("linked_parent").attr("jid", community).build()).build();
        assertError(h.query(h.c1, "@g.us", "set", inside), 403);
        assertError(h.query(h.b1, "@g.us", "set", inside), 401);
        String plain = h.create(h.c1, "Carol's", A_JID);
        assertError(h.query(h.a1, "@g.us", "set", Node.builder("create").attr("subject", "X").attr("key", "K3")
                .children(Node.builder("linked_parent").attr("jid", plain).build()).build()), 404);

        Node links = Node.builder("links").children(Node.builder("link").attr("link_type", "sub_group")
                .children(Node.builder("group").attr("jid", plain).build()).build()).build();
        assertThat(linkError(h.query(h.a1, community, "set", links))).as("A admins no group of Carol's").isEqualTo("401");
        assertError(h.query(h.b1, community, "set", links), 401);
        assertError(h.query(h.a1, plain, "get", Node.of("sub_groups")), 406);
        assertResult(h.query(h.c1, plain, "set", GroupHarness.change("promote", A_JID)));
        Node linked = h.query(h.a1, community, "set", links);
        assertThat(linkError(linked)).isNull();
        Node atCarol = lastChange(h.c1);
        assertThat(atCarol.tag()).isEqualTo("link");
        assertThat(atCarol.attrs().string("link_type")).isEqualTo("sub_group");
        assertThat(atCarol.child("group").orElseThrow().attrs().string("subject")).isEqualTo("Carol's");
        assertThat(notifications(h.c1).getLast().attrs().string("from")).isEqualTo(community);
        assertThat(linkError(h.query(h.a1, community, "set", links))).as("linked already").isEqualTo("409");
        assertThat(jids(h.query(h.a1, community, "get", Node.of("linked_groups_participants"))
                .child("linked_groups_participants").orElseThrow())).containsExactlyInAnyOrder(A_JID, B_JID, C_JID);
        assertError(h.query(h.c1, community, "get", Node.of("sub_groups")), 403);

        String announcements = subGroups.children("group").getFirst().attrs().string("jid");
        Node unlinkDefault = Node.builder("unlink").attr("unlink_type", "sub_group")
                .children(Node.builder("group").attr("jid", announcements).build()).build();
        assertThat(h.query(h.a1, community, "set", unlinkDefault).child("unlink").orElseThrow().child("group").orElseThrow()
                .attrs().string("error")).isEqualTo("406");
        Node unlink = Node.builder("unlink").attr("unlink_type", "sub_group")
                .children(Node.builder("group").attr("jid", plain).build()).build();
        assertResult(h.query(h.a1, community, "set", unlink));
        assertThat(lastChange(h.c1).tag()).isEqualTo("unlink");
        assertThat(h.query(h.a1, community, "set", unlink).child("unlink").orElseThrow().child("group").orElseThrow()
                .attrs().string("error")).as("not linked any more").isEqualTo("404");
        assertThat(h.query(h.c1, plain, "get", Node.of("query")).child("group").orElseThrow().child("linked_parent")).isEmpty();
    }

    @Test
    void withApprovalOnAJoinByInviteIsARequestOnlyAdminsSeeAndDecide() {
        String group = h.create(h.a1, "Club", B_JID);
        assertError(h.query(h.b1, group, "set", approval("on")), 401);
        assertError(h.query(h.a1, group, "set", approval("maybe")), 400);
        assertResult(h.query(h.a1, group, "set", approval("on")));
        assertThat(lastChange(h.b1).tag()).isEqualTo("membership_approval_mode");
        assertThat(h.query(h.b1, group, "get", Node.of("query")).child("group").orElseThrow()
                .child("membership_approval_mode")).isPresent();

        String code = h.query(h.a1, group, "get", Node.of("invite")).child("invite").orElseThrow().attrs().string("code");
        int atBob = notifications(h.b1).size();
        Node join = h.query(h.c1, "@g.us", "set", Node.builder("invite").attr("code", code).build());
        assertThat(join.child("membership_approval_request").orElseThrow().attrs().string("jid")).isEqualTo(group);
        Node request = lastChange(h.a1);
        assertThat(request.tag()).isEqualTo("created_membership_requests");
        assertThat(request.attrs().string("request_method")).isEqualTo("invite_link");
        assertThat(jids(request)).containsExactly(C_JID);
        assertThat(notifications(h.b1)).as("members who are no admins hear nothing").hasSize(atBob);
        int atAlice = notifications(h.a1).size();
        assertThat(h.query(h.c1, "@g.us", "set", Node.builder("invite").attr("code", code).build())
                .child("membership_approval_request")).as("asking again").isPresent();
        assertThat(notifications(h.a1)).hasSize(atAlice);

        assertError(h.query(h.b1, group, "get", Node.of("membership_approval_requests")), 401);
        Node requests = h.query(h.a1, group, "get", Node.of("membership_approval_requests"))
                .child("membership_approval_requests").orElseThrow();
        assertThat(requests.children("membership_approval_request")).singleElement().satisfies(r -> {
            assertThat(r.attrs().string("jid")).isEqualTo(C_JID);
            assertThat(r.attrs().has("request_time")).isTrue();
        });
        assertThat(jids(h.query(h.a1, group, "get", Node.of("query")).child("group").orElseThrow())).doesNotContain(C_JID);

        Node rejected = h.query(h.a1, group, "set", decision("reject", C_JID));
        assertThat(rejected.child("membership_requests_action").orElseThrow().child("reject").orElseThrow()
                .children("participant")).singleElement().satisfies(p -> assertThat(p.attrs().has("error")).isFalse());
        assertThat(lastChange(h.c1).tag()).isEqualTo("revoked_membership_requests");
        Node again = h.query(h.a1, group, "set", decision("approve", C_JID));
        assertThat(again.child("membership_requests_action").orElseThrow().child("approve").orElseThrow()
                .children("participant").getFirst().attrs().string("error")).isEqualTo("404");

        h.query(h.c1, "@g.us", "set", Node.builder("invite").attr("code", code).build());
        assertResult(h.query(h.a1, group, "set", decision("approve", C_JID)));
        Node added = lastChange(h.c1);
        assertThat(added.tag()).isEqualTo("add");
        assertThat(jids(added)).containsExactly(C_JID);
        assertThat(jids(h.query(h.a1, group, "get", Node.of("query")).child("group").orElseThrow())).contains(C_JID);
    }

    private static String linkError(Node answer) {
        assertResult(answer);
        return answer.child("links").orElseThrow().child("link").orElseThrow().child("group").orElseThrow()
                .attrs().optionalString("error").orElse(null);
    }

    private static Node approval(String state) {
        return Node.builder("membership_approval_mode").children(Node.builder("group_join").attr("state", state).build()).build();
    }

    private static Node decision(String decision, String... jids) {
        return Node.builder("membership_requests_action").children(Node.builder(decision)
                .children(List.of(jids).stream().map(j -> Node.builder("participant").attr("jid", j).build()).toList())
                .build()).build();
    }
}
