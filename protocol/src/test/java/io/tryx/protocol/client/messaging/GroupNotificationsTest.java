package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.groups.GroupRole;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.ParticipantAction;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code w:gp2} notifications become typed {@link GroupEvent}s, reported before the notification is acknowledged. */
class GroupNotificationsTest {

    private static final Jid GROUP = GroupSenderTest.GROUP;
    private static final Jid ADMIN = Jid.parse("15550002222@s.whatsapp.net");
    private static final Jid BOB = Jid.parse("15550003333@s.whatsapp.net");
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);

    private final Fixture fixture = new Fixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyKindOfChangeBecomesItsEvent() {
        List<GroupEvent> events = GroupNotifications.parse(notification("1",
                Node.builder("add").attr("reason", "invite").children(participant(BOB)).build(),
                Node.builder("remove").children(participant(BOB)).build(),
                Node.builder("promote").children(participant(BOB)).build(),
                Node.builder("demote").children(participant(BOB)).build(),
                Node.builder("subject").attr("subject", "Team 2").attr("s_o", ADMIN).attr("s_t", 1L).build(),
                Node.builder("description").attr("id", "D1").children(Node.builder("body")
                        .bytes("about us".getBytes(StandardCharsets.UTF_8)).build()).build(),
                Node.builder("description").attr("id", "D2").children(Node.of("delete")).build(),
                Node.of("locked"), Node.of("unlocked"),
                Node.builder("announcement").attr("v_id", "1").build(), Node.of("not_announcement"),
                Node.builder("ephemeral").attr("expiration", 86400).build(), Node.of("not_ephemeral"),
                Node.builder("invite").attr("code", "AbCd").build(),
                Node.of("something_new")));

        assertThat(events).allSatisfy(e -> {
            assertThat(e.group()).isEqualTo(GROUP);
            assertThat(e.actor()).isEqualTo(ADMIN);
            assertThat(e.timestamp()).isEqualTo(T);
        });
        assertThat(events).containsExactly(
                new GroupEvent.ParticipantsChanged(GROUP, ADMIN, T, "1", ParticipantAction.ADD, List.of(BOB), "invite"),
                new GroupEvent.ParticipantsChanged(GROUP, ADMIN, T, "1", ParticipantAction.REMOVE, List.of(BOB), ""),
                new GroupEvent.ParticipantsChanged(GROUP, ADMIN, T, "1", ParticipantAction.PROMOTE, List.of(BOB), ""),
                new GroupEvent.ParticipantsChanged(GROUP, ADMIN, T, "1", ParticipantAction.DEMOTE, List.of(BOB), ""),
                new GroupEvent.SubjectChanged(GROUP, ADMIN, T, "1", "Team 2"),
                new GroupEvent.DescriptionChanged(GROUP, ADMIN, T, "1", "D1", "about us"),
                new GroupEvent.DescriptionChanged(GROUP, ADMIN, T, "1", "D2", ""),
                new GroupEvent.SettingChanged(GROUP, ADMIN, T, "1", new GroupSetting.Locked(true)),
                new GroupEvent.SettingChanged(GROUP, ADMIN, T, "1", new GroupSetting.Locked(false)),
                new GroupEvent.SettingChanged(GROUP, ADMIN, T, "1", new GroupSetting.Announce(true)),
                new GroupEvent.SettingChanged(GROUP, ADMIN, T, "1", new GroupSetting.Announce(false)),
                new GroupEvent.SettingChanged(GROUP, ADMIN, T, "1", new GroupSetting.Ephemeral(86400)),
                new GroupEvent.SettingChanged(GROUP, ADMIN, T, "1", new GroupSetting.Ephemeral(0)),
                new GroupEvent.InviteCodeChanged(GROUP, ADMIN, T, "1", "AbCd"));
    }

    @Test
    void aCreateCarriesTheGroupsMetadata() {
        Node create = Node.builder("create").attr("type", "new").attr("key", "K")
                .children(GroupSenderTest.groupNode(List.of(Fixture.OWN.toNonAd(), BOB))).build();
        GroupEvent.GroupCreated created = (GroupEvent.GroupCreated) GroupNotifications.parse(notification("2", create)).getFirst();
        assertThat(created.info().jid()).isEqualTo(GROUP);
        assertThat(created.info().subject()).isEqualTo("Team");
        assertThat(created.info().participants()).extracting(p -> p.jid()).containsExactly(Fixture.OWN.toNonAd(), BOB);
        assertThat(created.info().participant(Fixture.OWN).orElseThrow().role()).isEqualTo(GroupRole.SUPERADMIN);
        assertThat(created.info().participant(BOB).orElseThrow().role()).isEqualTo(GroupRole.MEMBER);
    }

    @Test
    void aNotificationNotFromAGroupOrWithoutRequiredPartsIsRejected() {
        Node fromUser = Node.builder("notification").attr("from", BOB).attr("type", "w:gp2").attr("id", "3").build();
        assertThatThrownBy(() -> GroupNotifications.parse(fromUser)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> GroupNotifications.parse(notification("4", Node.of("subject"))))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void eventsAreReportedBeforeTheAckAndAnUnparseableOneIsStillAcknowledged() {
        assertThat(fixture.messaging.onNotification(Node.builder("notification").attr("type", "encrypt").build()))
                .as("not a group notification: left to the session").isFalse();
        assertThat(fixture.messaging.onNotification(notification("5", Node.builder("subject").attr("subject", "New").build())))
                .isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.journal.contains("sent:ack:5"));
        assertThat(fixture.journal).containsSubsequence("event:SubjectChanged", "sent:ack:5");
        Node ack = fixture.channel.sent("ack").getFirst();
        assertThat(ack.attrs().string("class")).isEqualTo("notification");
        assertThat(ack.attrs().string("to")).isEqualTo(GROUP.toString());
        assertThat(ack.attrs().string("type")).isEqualTo("w:gp2");

        fixture.messaging.onNotification(notification("6", Node.of("subject")));
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.journal.contains("sent:ack:6"));
        assertThat(fixture.events).hasSize(1);
    }

    @Test
    void aFailingListenerLeavesTheNotificationUnacknowledgedForRedelivery() {
        fixture.messaging.addListener(event -> {
            throw new IllegalStateException("listener down");
        });
        fixture.messaging.onNotification(notification("7", Node.of("locked")));
        fixture.messaging.onNotification(notification("8", Node.of("unlocked")));
        // the group's lane runs 8 only after 7 ended, so 7 is finished (without an ack) once 8 was reported
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.events.size() == 2);
        assertThat(fixture.journal).doesNotContain("sent:ack:7");
    }

    private static Node notification(String id, Node... changes) {
        return Node.builder("notification").attr("from", GROUP).attr("type", "w:gp2").attr("id", id)
                .attr("participant", ADMIN).attr("t", T.getEpochSecond()).children(changes).build();
    }

    private static Node participant(Jid user) {
        return Node.builder("participant").attr("jid", user).build();
    }
}
