package io.tryx.bridge.events;

import io.tryx.common.v1.GroupMetadata;
import io.tryx.common.v1.GroupRole;
import io.tryx.common.v1.ParticipantAction;
import io.tryx.events.v1.DescriptionChanged;
import io.tryx.events.v1.GroupEvent;
import io.tryx.events.v1.GroupSnapshot;
import io.tryx.events.v1.GroupTimerChanged;
import io.tryx.events.v1.InviteLinkReset;
import io.tryx.events.v1.ParticipantsChanged;
import io.tryx.events.v1.SettingChanged;
import io.tryx.events.v1.SubjectChanged;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupParticipant;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.ContractRuntime;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime's group changes mapped to {@link GroupEvent}s, each with the contract's event id. */
class GroupEventMapperTest {

    private static final String ACCOUNT = "15551110000@s.whatsapp.net";
    private static final Jid GROUP = Jid.parse("120363025246125486@g.us");
    private static final Jid ADMIN = Jid.parse("15552220000@s.whatsapp.net");
    private static final Jid BOB = Jid.parse("15553330000@s.whatsapp.net");
    private static final Instant AT = Instant.ofEpochSecond(1_760_000_000L);
    private static final EventOrigin ORIGIN = new EventOrigin(ACCOUNT, null, "15551110000:3@s.whatsapp.net", "9.9.9");

    private final GroupEventMapper mapper = new GroupEventMapper();

    @BeforeAll
    static void contract() {
        ContractRuntime.install();
    }

    @Test
    void aCreationIsASnapshotOfTheNewGroupWithTheNotificationsEventId() {
        GroupInfo info = new GroupInfo(GROUP, "Team", ADMIN, AT, ADMIN, AT, "about", "D1", true, false, 86400, "pn",
                List.of(new GroupParticipant(ADMIN.withDevice(0), Jid.parse("111@lid"), io.tryx.protocol.client.groups.GroupRole.SUPERADMIN),
                        new GroupParticipant(BOB, null, io.tryx.protocol.client.groups.GroupRole.MEMBER)));

        GroupEvent event = mapper.map(ORIGIN, new io.tryx.protocol.client.messaging.GroupEvent.GroupCreated(GROUP, ADMIN.withDevice(4),
                AT, "n-7", info));

        assertThat(event.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, GROUP.toString(), "n-7", EventKind.GROUP_SNAPSHOT));
        assertThat(event.getAccount()).isEqualTo(ACCOUNT);
        assertThat(event.getChat()).isEqualTo(GROUP.toString());
        assertThat(event.getTimestamp()).isEqualTo(AT);
        assertThat(event.getSource().getDevice()).isEqualTo("15551110000:3@s.whatsapp.net");
        assertThat(event.getAuthor()).contains(ADMIN.toString());
        GroupMetadata metadata = ((GroupSnapshot) event.getChange()).getMetadata();
        assertThat(metadata.getJid()).isEqualTo(GROUP.toString());
        assertThat(metadata.getSubject()).isEqualTo("Team");
        assertThat(metadata.getSubjectOwner()).contains(ADMIN.toString());
        assertThat(metadata.getCreatedAt()).contains(AT);
        assertThat(metadata.getDescription()).contains("about");
        assertThat(metadata.getDescriptionId()).contains("D1");
        assertThat(metadata.getSettingsOn()).containsExactly(io.tryx.common.v1.GroupSetting.LOCKED);
        assertThat(metadata.getEphemeralExpirationSeconds()).contains(86400);
        assertThat(metadata.getParticipants()).extracting(p -> p.getJid() + " " + p.getLid().orElse("-") + " " + p.getRole())
                .containsExactly(ADMIN + " 111@lid SUPERADMIN", BOB + " - MEMBER");
        assertThat(metadata.getParticipants().getFirst().getRole()).isEqualTo(GroupRole.SUPERADMIN);
    }

    @Test
    void participantChangesKeepTheirActionAndTellLeavingAndJoiningByLinkApart() {
        assertThat(participants(io.tryx.protocol.client.groups.ParticipantAction.ADD, ADMIN, "").getAction())
                .isEqualTo(ParticipantAction.ADD);
        assertThat(participants(io.tryx.protocol.client.groups.ParticipantAction.ADD, BOB, "invite").getAction())
                .isEqualTo(ParticipantAction.JOIN_BY_LINK);
        assertThat(participants(io.tryx.protocol.client.groups.ParticipantAction.REMOVE, ADMIN, "").getAction())
                .isEqualTo(ParticipantAction.REMOVE);
        assertThat(participants(io.tryx.protocol.client.groups.ParticipantAction.REMOVE, BOB.withDevice(2), "").getAction())
                .isEqualTo(ParticipantAction.LEAVE);
        assertThat(participants(io.tryx.protocol.client.groups.ParticipantAction.PROMOTE, ADMIN, "").getAction())
                .isEqualTo(ParticipantAction.PROMOTE);
        ParticipantsChanged demoted = participants(io.tryx.protocol.client.groups.ParticipantAction.DEMOTE, null, "");
        assertThat(demoted.getAction()).isEqualTo(ParticipantAction.DEMOTE);
        assertThat(demoted.getParticipants()).containsExactly(BOB.toString());
    }

    @Test
    void subjectDescriptionSettingsTimerAndInviteEachHaveTheirBranchAndKind() {
        var subject = map(new io.tryx.protocol.client.messaging.GroupEvent.SubjectChanged(GROUP, ADMIN, AT, "n1", "Team 2"));
        assertThat(((SubjectChanged) subject.getChange()).getSubject()).isEqualTo("Team 2");
        assertThat(subject.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, GROUP.toString(), "n1",
                EventKind.GROUP_SUBJECT_CHANGED));

        var described = (DescriptionChanged) map(new io.tryx.protocol.client.messaging.GroupEvent.DescriptionChanged(
                GROUP, ADMIN, AT, "n2", "D2", "about us")).getChange();
        assertThat(described.getDescription()).contains("about us");
        assertThat(described.getDescriptionId()).contains("D2");
        var deleted = (DescriptionChanged) map(new io.tryx.protocol.client.messaging.GroupEvent.DescriptionChanged(
                GROUP, ADMIN, AT, "n3", "D3", "")).getChange();
        assertThat(deleted.getDescription()).isEmpty();

        var announce = (SettingChanged) setting(new GroupSetting.Announce(true)).getChange();
        assertThat(announce.getSetting()).isEqualTo(io.tryx.common.v1.GroupSetting.ANNOUNCEMENT);
        assertThat(announce.getEnabled()).isTrue();
        var unlocked = (SettingChanged) setting(new GroupSetting.Locked(false)).getChange();
        assertThat(unlocked.getSetting()).isEqualTo(io.tryx.common.v1.GroupSetting.LOCKED);
        assertThat(unlocked.getEnabled()).isFalse();
        GroupEvent timer = setting(new GroupSetting.Ephemeral(604800));
        assertThat(((GroupTimerChanged) timer.getChange()).getExpirationSeconds()).isEqualTo(604800);
        assertThat(timer.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, GROUP.toString(), "n4",
                EventKind.GROUP_TIMER_CHANGED));

        var invite = map(new io.tryx.protocol.client.messaging.GroupEvent.InviteCodeChanged(GROUP, ADMIN, AT, "n5", "AbCd"));
        assertThat(((InviteLinkReset) invite.getChange()).getCode()).contains("AbCd");
        assertThat(invite.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, GROUP.toString(), "n5",
                EventKind.GROUP_INVITE_LINK_RESET));
    }

    @Test
    void joinApprovalIsItsSettingAndACommunitysMetadataCarriesItsTies() {
        var approval = (SettingChanged) setting(new GroupSetting.JoinApproval(true)).getChange();
        assertThat(approval.getSetting()).isEqualTo(io.tryx.common.v1.GroupSetting.JOIN_APPROVAL);
        assertThat(approval.getEnabled()).isTrue();

        Jid community = Jid.parse("120363000000000099@g.us");
        GroupInfo linked = new GroupInfo(GROUP, "Garden", ADMIN, AT, ADMIN, AT, "", null, false, false, 0, "pn",
                List.of(), false, community, false, true);
        GroupMetadata metadata = GroupMetadataMapper.map(linked);
        assertThat(metadata.getParentCommunity()).contains(community.toString());
        assertThat(metadata.getCommunity()).isFalse();
        assertThat(metadata.getSettingsOn()).containsExactly(io.tryx.common.v1.GroupSetting.JOIN_APPROVAL);
        GroupInfo parent = new GroupInfo(community, "Town", ADMIN, AT, ADMIN, AT, "", null, false, false, 0, "pn",
                List.of(), true, null, false, false);
        assertThat(GroupMetadataMapper.map(parent).getCommunity()).isTrue();
        assertThat(GroupMetadataMapper.map(parent).getParentCommunity()).isEmpty();
    }

    @Test
    void communityLinksAndJoinRequestsBecomeTheirBranches() {
        Jid garden = Jid.parse("120363000000000098@g.us");
        var linked = map(new io.tryx.protocol.client.messaging.GroupEvent.GroupLinked(GROUP, ADMIN, AT, "l1",
                new io.tryx.protocol.client.groups.LinkedGroup(garden, "Garden", AT, false)));
        assertThat(linked.getChange()).isEqualTo(io.tryx.events.v1.GroupLinked.newBuilder().setGroup(garden.toString())
                .setSubject("Garden").setDefaultSubGroup(false).build());
        assertThat(linked.getAuthor()).contains(ADMIN.toString());

        var unlinked = map(new io.tryx.protocol.client.messaging.GroupEvent.GroupUnlinked(GROUP, ADMIN, AT, "u1",
                new io.tryx.protocol.client.groups.LinkedGroup(garden, "", AT, false), ""));
        assertThat(unlinked.getChange()).isEqualTo(io.tryx.events.v1.GroupUnlinked.newBuilder()
                .setGroup(garden.toString()).build());

        var requested = map(new io.tryx.protocol.client.messaging.GroupEvent.MembershipRequested(GROUP, BOB, AT, "r1",
                List.of(BOB.withDevice(2)), "invite_link"));
        assertThat(requested.getChange()).isEqualTo(io.tryx.events.v1.MembershipRequested.newBuilder()
                .setRequesters(List.of(BOB.toString())).setMethod("invite_link").build());

        var withdrawn = map(new io.tryx.protocol.client.messaging.GroupEvent.MembershipRequestsRevoked(GROUP, BOB, AT,
                "r2", List.of(BOB)));
        var rejected = map(new io.tryx.protocol.client.messaging.GroupEvent.MembershipRequestsRevoked(GROUP, ADMIN, AT,
                "r3", List.of(BOB)));
        assertThat(((io.tryx.events.v1.MembershipRequestsRevoked) withdrawn.getChange()).getWithdrawn()).isTrue();
        assertThat(((io.tryx.events.v1.MembershipRequestsRevoked) rejected.getChange()).getWithdrawn()).isFalse();
        assertThat(java.util.Set.of(linked.getEventId(), unlinked.getEventId(), requested.getEventId(),
                withdrawn.getEventId(), rejected.getEventId())).hasSize(5);
    }

    @Test
    void theSameNotificationSeenTwiceHasTheSameEventIdAndAnotherOneADifferentId() {
        var first = map(new io.tryx.protocol.client.messaging.GroupEvent.SubjectChanged(GROUP, ADMIN, AT, "n1", "A"));
        var again = map(new io.tryx.protocol.client.messaging.GroupEvent.SubjectChanged(GROUP, ADMIN, AT, "n1", "A"));
        var other = map(new io.tryx.protocol.client.messaging.GroupEvent.SubjectChanged(GROUP, ADMIN, AT, "n9", "A"));

        assertThat(again.getEventId()).isEqualTo(first.getEventId());
        assertThat(other.getEventId()).isNotEqualTo(first.getEventId());
    }

    private ParticipantsChanged participants(io.tryx.protocol.client.groups.ParticipantAction action, Jid actor,
                                             String reason) {
        GroupEvent event = map(new io.tryx.protocol.client.messaging.GroupEvent.ParticipantsChanged(GROUP, actor, AT, "p",
                action, List.of(BOB.withDevice(0)), reason));
        assertThat(event.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, GROUP.toString(), "p",
                EventKind.GROUP_PARTICIPANTS_CHANGED));
        return (ParticipantsChanged) event.getChange();
    }

    private GroupEvent setting(GroupSetting setting) {
        return map(new io.tryx.protocol.client.messaging.GroupEvent.SettingChanged(GROUP, ADMIN, AT, "n4", setting));
    }

    private GroupEvent map(io.tryx.protocol.client.messaging.GroupEvent event) {
        return mapper.map(ORIGIN, event);
    }
}
