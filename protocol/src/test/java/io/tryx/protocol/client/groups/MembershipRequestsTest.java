package io.tryx.protocol.client.groups;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tryx.protocol.client.groups.ScriptedChannel.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The join-approval IQs {@link Groups} sends and how it reads their answers (the simulator e2e test runs them for real). */
class MembershipRequestsTest {

    private static final Jid ME = Jid.parse("15550001111@s.whatsapp.net");
    private static final Jid CAROL = Jid.parse("15550003333@s.whatsapp.net");
    private static final Jid DAVE = Jid.parse("15550004444@s.whatsapp.net");
    private static final Jid GROUP = Jid.parse("120363000000000001@g.us");

    private final ScriptedChannel channel = new ScriptedChannel();
    private final GroupDirectory directory = new GroupDirectory(channel);
    private final Groups groups;

    MembershipRequestsTest() {
        InMemoryAccountStore store = new InMemoryAccountStore("m");
        SecureRandom random = new SecureRandom();
        store.save(DeviceCredentials.generate(random, 0).paired(ME.withDevice(3), null, new byte[] {1}));
        groups = new Groups(channel, directory, store, Clock.systemUTC(), random);
    }

    @Test
    void joinApprovalTravelsAsMembershipApprovalModeAndShowsInTheMetadata() throws Exception {
        groups.setting(GROUP, new GroupSetting.JoinApproval(true)).get(5, TimeUnit.SECONDS);
        groups.setting(GROUP, new GroupSetting.JoinApproval(false)).get(5, TimeUnit.SECONDS);
        assertThat(channel.asked).extracting(iq -> iq.child("membership_approval_mode").orElseThrow()
                .child("group_join").orElseThrow().attrs().string("state")).containsExactly("on", "off");
        assertThat(channel.asked.getFirst().attrs().string("to")).isEqualTo(GROUP.toString());

        GroupInfo info = GroupNodes.parseGroup(Node.builder("group").attr("id", GROUP.user())
                .children(GroupNodes.joinApproval(true)).build());
        assertThat(info.joinApproval()).isTrue();
        assertThat(info.parent()).isFalse();
    }

    @Test
    void requestsAreListedAndEachDecisionAnswersPerRequester() throws Exception {
        channel.server = iq -> iq.child("membership_approval_requests").isPresent()
                ? result(iq, Node.builder("membership_approval_requests").children(
                        Node.builder("membership_approval_request").attr("jid", CAROL).attr("request_time", 1_700_000_000L).build(),
                        Node.builder("membership_approval_request").attr("jid", DAVE).build()).build())
                : result(iq, Node.builder("membership_requests_action").children(Node.builder("approve").children(
                        Node.builder("participant").attr("jid", CAROL).build(),
                        Node.builder("participant").attr("jid", DAVE).attr("error", "404").build()).build()).build());
        assertThat(groups.membershipRequests(GROUP).get(5, TimeUnit.SECONDS)).containsExactly(
                new MembershipRequest(CAROL, Instant.ofEpochSecond(1_700_000_000L)), new MembershipRequest(DAVE, Instant.EPOCH));
        assertThat(channel.asked.getLast().attrs().string("type")).isEqualTo("get");

        directory.remember(GroupNodes.parseGroup(Node.builder("group").attr("id", GROUP.user()).build()));
        assertThat(groups.approveMembershipRequests(GROUP, List.of(CAROL, DAVE)).get(5, TimeUnit.SECONDS))
                .containsExactly(new ParticipantResult(CAROL, 0), new ParticipantResult(DAVE, 404));
        Node action = channel.asked.getLast().child("membership_requests_action").orElseThrow();
        assertThat(action.child("approve").orElseThrow().children("participant")).extracting(p -> p.attrs().string("jid"))
                .containsExactly(CAROL.toString(), DAVE.toString());
        assertThat(directory.cached(GROUP)).as("a decision changes who is in").isEmpty();

        channel.server = iq -> result(iq);
        assertThat(groups.rejectMembershipRequests(GROUP, List.of(DAVE)).get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(channel.asked.getLast().child("membership_requests_action").orElseThrow().child("reject")).isPresent();
        assertThatThrownBy(() -> groups.rejectMembershipRequests(GROUP, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJoinIntoAnApprovalGroupIsPendingAndAnAnswerNamingNoGroupIsRefused() throws Exception {
        channel.server = iq -> result(iq, Node.builder("membership_approval_request").attr("jid", GROUP).build());
        assertThat(groups.join("CODE").get(5, TimeUnit.SECONDS)).isEqualTo(new InviteJoin(GROUP, true));
        channel.server = iq -> result(iq, Node.builder("group").attr("jid", GROUP).build());
        assertThat(groups.join(Groups.INVITE_LINK_PREFIX + "CODE").get(5, TimeUnit.SECONDS)).isEqualTo(new InviteJoin(GROUP, false));
        channel.server = iq -> result(iq);
        assertThatThrownBy(() -> groups.join("CODE").get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ProtocolException.class);
    }
}
