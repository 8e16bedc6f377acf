package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.LinkedGroup;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Community links, join approval and join requests in {@code w:gp2} notifications become their {@link GroupEvent}s. */
class CommunityNotificationsTest {

    private static final Jid COMMUNITY = Jid.parse("120363000000000077@g.us");
    private static final Jid CHILD = Jid.parse("120363000000000078@g.us");
    private static final Jid ADMIN = Jid.parse("15550002222@s.whatsapp.net");
    private static final Jid REQUESTER = Jid.parse("15550004444@s.whatsapp.net");
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void linksUnlinksApprovalModeAndRequestsBecomeTheirEvents() {
        Node child = Node.builder("group").attr("jid", CHILD).attr("subject", "Garden").attr("s_t", 5L).build();
        List<GroupEvent> events = GroupNotifications.parse(notification(ADMIN,
                Node.builder("link").attr("link_type", "sub_group").children(child).build(),
                Node.builder("unlink").attr("unlink_type", "sub_group").attr("unlink_reason", "unlink_group")
                        .children(Node.builder("group").attr("id", CHILD.user()).children(Node.of("default_sub_group")).build())
                        .build(),
                Node.builder("membership_approval_mode").children(Node.builder("group_join").attr("state", "on").build()).build(),
                Node.builder("membership_approval_mode").children(Node.builder("group_join").attr("state", "off").build()).build(),
                Node.builder("revoked_membership_requests").children(participant(REQUESTER)).build()));

        LinkedGroup garden = new LinkedGroup(CHILD, "Garden", Instant.ofEpochSecond(5), false);
        assertThat(events).containsExactly(
                new GroupEvent.GroupLinked(COMMUNITY, ADMIN, T, "n1", garden),
                new GroupEvent.GroupUnlinked(COMMUNITY, ADMIN, T, "n1", new LinkedGroup(CHILD, "", Instant.EPOCH, true),
                        "unlink_group"),
                new GroupEvent.SettingChanged(COMMUNITY, ADMIN, T, "n1", new GroupSetting.JoinApproval(true)),
                new GroupEvent.SettingChanged(COMMUNITY, ADMIN, T, "n1", new GroupSetting.JoinApproval(false)),
                new GroupEvent.MembershipRequestsRevoked(COMMUNITY, ADMIN, T, "n1", List.of(REQUESTER)));
        assertThat(((GroupEvent.MembershipRequestsRevoked) events.getLast()).withdrawn()).as("rejected by an admin").isFalse();
    }

    @Test
    void aRequestWithoutParticipantsIsTheActorsOwnAndAWithdrawalIsToldApart() {
        List<GroupEvent> created = GroupNotifications.parse(notification(REQUESTER,
                Node.builder("created_membership_requests").attr("request_method", "invite_link").build()));
        assertThat(created).containsExactly(
                new GroupEvent.MembershipRequested(COMMUNITY, REQUESTER, T, "n1", List.of(REQUESTER), "invite_link"));

        List<GroupEvent> revoked = GroupNotifications.parse(notification(REQUESTER,
                Node.builder("revoked_membership_requests").children(participant(REQUESTER)).build()));
        assertThat(((GroupEvent.MembershipRequestsRevoked) revoked.getFirst()).withdrawn()).isTrue();
    }

    @Test
    void aLinkWithoutItsGroupIsRefused() {
        assertThatThrownBy(() -> GroupNotifications.parse(notification(ADMIN,
                Node.builder("link").attr("link_type", "sub_group").build())))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("link without group");
    }

    private static Node notification(Jid actor, Node... changes) {
        return Node.builder("notification").attr("from", COMMUNITY).attr("type", "w:gp2").attr("id", "n1")
                .attr("participant", actor).attr("t", T.getEpochSecond()).children(changes).build();
    }

    private static Node participant(Jid user) {
        return Node.builder("participant").attr("jid", user).build();
    }
}
