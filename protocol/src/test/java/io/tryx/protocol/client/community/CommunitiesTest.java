package io.tryx.protocol.client.community;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.groups.GroupDirectory;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupNodes;
import io.tryx.protocol.client.groups.LinkedGroup;
import io.tryx.protocol.client.groups.ScriptedChannel;
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

/** The community IQs {@link Communities} sends and how it reads their answers (the simulator e2e test runs them for real). */
class CommunitiesTest {

    private static final Jid ME = Jid.parse("15550001111@s.whatsapp.net");
    private static final Jid BOB = Jid.parse("15550002222@s.whatsapp.net");
    private static final Jid COMMUNITY = Jid.parse("120363000000000010@g.us");
    private static final Jid CHILD = Jid.parse("120363000000000011@g.us");
    private static final Jid ANNOUNCEMENTS = Jid.parse("120363000000000012@g.us");

    private final ScriptedChannel channel = new ScriptedChannel();
    private final GroupDirectory directory = new GroupDirectory(channel);
    private final Communities communities;

    CommunitiesTest() {
        InMemoryAccountStore store = new InMemoryAccountStore("c");
        SecureRandom random = new SecureRandom();
        store.save(DeviceCredentials.generate(random, 0).paired(ME.withDevice(3), null, new byte[] {1}));
        communities = new Communities(channel, directory, store, Clock.systemUTC(), random);
    }

    @Test
    void createSendsParentOrLinkedParentAndReadsTheCommunityFacts() throws Exception {
        channel.server = iq -> result(iq, Node.builder("group").attr("id", COMMUNITY.user()).attr("subject", "Town")
                .children(Node.builder("participant").attr("jid", ME).attr("type", "superadmin").build(),
                        Node.builder("parent").attr("default_membership_approval_mode", "request_required").build()).build());
        GroupInfo community = communities.create("Town", List.of(BOB)).get(5, TimeUnit.SECONDS);
        Node create = channel.asked.getLast().child("create").orElseThrow();
        assertThat(channel.asked.getLast().attrs().string("to")).isEqualTo("g.us");
        assertThat(create.attrs().string("subject")).isEqualTo("Town");
        assertThat(create.child("parent").orElseThrow().attrs().string("default_membership_approval_mode"))
                .isEqualTo("request_required");
        assertThat(create.children("participant")).extracting(p -> p.attrs().string("jid")).containsExactly(BOB.toString());
        assertThat(community.parent()).isTrue();
        assertThat(directory.cached(COMMUNITY)).contains(community);

        channel.server = iq -> result(iq, Node.builder("group").attr("id", CHILD.user()).attr("subject", "Garden")
                .children(Node.builder("linked_parent").attr("jid", COMMUNITY).build()).build());
        GroupInfo child = communities.createGroup(COMMUNITY, "Garden", List.of()).get(5, TimeUnit.SECONDS);
        assertThat(channel.asked.getLast().child("create").orElseThrow().child("linked_parent").orElseThrow()
                .attrs().string("jid")).isEqualTo(COMMUNITY.toString());
        assertThat(child.linkedParent()).isEqualTo(COMMUNITY);
        assertThat(child.parent()).isFalse();
    }

    @Test
    void linkAndUnlinkGoToTheCommunityAndAGroupErrorFailsWithItsCode() throws Exception {
        communities.link(COMMUNITY, CHILD).get(5, TimeUnit.SECONDS);
        Node link = channel.asked.getLast();
        assertThat(link.attrs().string("to")).isEqualTo(COMMUNITY.toString());
        assertThat(link.attrs().string("type")).isEqualTo("set");
        Node target = link.child("links").orElseThrow().child("link").orElseThrow();
        assertThat(target.attrs().string("link_type")).isEqualTo("sub_group");
        assertThat(target.child("group").orElseThrow().attrs().string("jid")).isEqualTo(CHILD.toString());

        communities.unlink(COMMUNITY, CHILD).get(5, TimeUnit.SECONDS);
        Node unlink = channel.asked.getLast().child("unlink").orElseThrow();
        assertThat(unlink.attrs().string("unlink_type")).isEqualTo("sub_group");
        assertThat(unlink.child("group").orElseThrow().attrs().string("jid")).isEqualTo(CHILD.toString());

        channel.server = iq -> result(iq, Node.builder("links").children(Node.builder("link").attr("link_type", "sub_group")
                .children(Node.builder("group").attr("jid", CHILD).attr("error", "409").build()).build()).build());
        assertThatThrownBy(() -> communities.link(COMMUNITY, CHILD).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(409));
        assertThatThrownBy(() -> communities.link(BOB, CHILD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subGroupsAndLinkedParticipantsAreRead() throws Exception {
        channel.server = iq -> iq.child("sub_groups").isPresent()
                ? result(iq, Node.builder("sub_groups").children(
                        Node.builder("group").attr("id", ANNOUNCEMENTS.user()).attr("subject", "Town").attr("s_t", 7L)
                                .children(Node.of("default_sub_group")).build(),
                        Node.builder("group").attr("jid", CHILD).attr("subject", "Garden").build()).build())
                : result(iq, Node.builder("linked_groups_participants").children(
                        Node.builder("participant").attr("jid", ME).build(),
                        Node.builder("participant").attr("jid", BOB).build(),
                        Node.builder("participant").attr("jid", BOB).build()).build());
        assertThat(communities.subGroups(COMMUNITY).get(5, TimeUnit.SECONDS)).containsExactly(
                new LinkedGroup(ANNOUNCEMENTS, "Town", Instant.ofEpochSecond(7), true),
                new LinkedGroup(CHILD, "Garden", Instant.EPOCH, false));
        assertThat(channel.asked.getLast().attrs().string("type")).isEqualTo("get");
        assertThat(communities.linkedGroupsParticipants(COMMUNITY).get(5, TimeUnit.SECONDS)).containsExactly(ME, BOB);

        channel.server = iq -> result(iq);
        assertThatThrownBy(() -> communities.subGroups(COMMUNITY).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ProtocolException.class);
        assertThat(GroupNodes.parseGroup(Node.builder("group").attr("id", ANNOUNCEMENTS.user())
                .children(Node.of("default_sub_group"), Node.builder("linked_parent").attr("jid", COMMUNITY).build()).build()))
                .satisfies(g -> {
                    assertThat(g.defaultSubGroup()).isTrue();
                    assertThat(g.linkedParent()).isEqualTo(COMMUNITY);
                });
    }
}
