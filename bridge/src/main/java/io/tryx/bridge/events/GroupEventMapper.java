package io.tryx.bridge.events;

import io.tryx.common.v1.ParticipantAction;
import io.tryx.events.v1.DescriptionChanged;
import io.tryx.events.v1.GroupEvent;
import io.tryx.events.v1.GroupLinked;
import io.tryx.events.v1.GroupSnapshot;
import io.tryx.events.v1.GroupTimerChanged;
import io.tryx.events.v1.GroupUnlinked;
import io.tryx.events.v1.InviteLinkReset;
import io.tryx.events.v1.MembershipRequested;
import io.tryx.events.v1.MembershipRequestsRevoked;
import io.tryx.events.v1.ParticipantsChanged;
import io.tryx.events.v1.SettingChanged;
import io.tryx.events.v1.SubjectChanged;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Maps the runtime's group changes ({@code w:gp2} notifications) to {@link GroupEvent}s: a creation becomes a
 * {@link GroupSnapshot} of the new group, participant changes keep their action (a removal whose author is the
 * only member concerned is a {@code LEAVE}, an add for the reason {@code invite} a {@code JOIN_BY_LINK}), the
 * ephemeral setting becomes {@link GroupTimerChanged}, a new invite code {@link InviteLinkReset}; community links
 * and join requests become {@link GroupLinked}, {@link GroupUnlinked}, {@link MembershipRequested} and
 * {@link MembershipRequestsRevoked}. The event id's
 * subject is the notification's stanza id, its kind the change's branch (see the contract's {@code eventId}).
 */
public final class GroupEventMapper {

    public GroupEvent map(EventOrigin origin, io.tryx.protocol.client.messaging.GroupEvent event) {
        SpecificRecord change = change(event);
        String chat = event.group().toString();
        Instant timestamp = event.timestamp().truncatedTo(ChronoUnit.MILLIS);
        return GroupEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chat, event.notificationId(), EventKind.of(change)))
                .setAccount(origin.account())
                .setChat(chat)
                .setTimestamp(timestamp)
                .setSource(origin.source(timestamp))
                .setAuthor(GroupMetadataMapper.jid(event.actor()))
                .setChange(change)
                .build();
    }

    private static SpecificRecord change(io.tryx.protocol.client.messaging.GroupEvent event) {
        return switch (event) {
            case io.tryx.protocol.client.messaging.GroupEvent.GroupCreated created ->
                    GroupSnapshot.newBuilder().setMetadata(GroupMetadataMapper.map(created.info())).build();
            case io.tryx.protocol.client.messaging.GroupEvent.ParticipantsChanged changed ->
                    ParticipantsChanged.newBuilder().setAction(action(changed))
                            .setParticipants(changed.participants().stream().map(p -> p.toNonAd().toString()).toList())
                            .build();
            case io.tryx.protocol.client.messaging.GroupEvent.SubjectChanged subject ->
                    SubjectChanged.newBuilder().setSubject(subject.subject()).build();
            case io.tryx.protocol.client.messaging.GroupEvent.DescriptionChanged description ->
                    DescriptionChanged.newBuilder()
                            .setDescription(GroupMetadataMapper.emptyToNull(description.description()))
                            .setDescriptionId(GroupMetadataMapper.emptyToNull(description.descriptionId()))
                            .build();
            case io.tryx.protocol.client.messaging.GroupEvent.SettingChanged setting -> switch (setting.setting()) {
                case GroupSetting.Announce announce -> SettingChanged.newBuilder()
                        .setSetting(io.tryx.common.v1.GroupSetting.ANNOUNCEMENT).setEnabled(announce.on()).build();
                case GroupSetting.Locked locked -> SettingChanged.newBuilder()
                        .setSetting(io.tryx.common.v1.GroupSetting.LOCKED).setEnabled(locked.on()).build();
                case GroupSetting.Ephemeral ephemeral ->
                        GroupTimerChanged.newBuilder().setExpirationSeconds(ephemeral.seconds()).build();
                case GroupSetting.JoinApproval approval -> SettingChanged.newBuilder()
                        .setSetting(io.tryx.common.v1.GroupSetting.JOIN_APPROVAL).setEnabled(approval.on()).build();
            };
            case io.tryx.protocol.client.messaging.GroupEvent.InviteCodeChanged invite ->
                    InviteLinkReset.newBuilder().setCode(GroupMetadataMapper.emptyToNull(invite.code())).build();
            case io.tryx.protocol.client.messaging.GroupEvent.GroupLinked linked -> GroupLinked.newBuilder()
                    .setGroup(linked.linked().jid().toString())
                    .setSubject(GroupMetadataMapper.emptyToNull(linked.linked().subject()))
                    .setDefaultSubGroup(linked.linked().defaultSubGroup())
                    .build();
            case io.tryx.protocol.client.messaging.GroupEvent.GroupUnlinked unlinked -> GroupUnlinked.newBuilder()
                    .setGroup(unlinked.unlinked().jid().toString())
                    .setReason(GroupMetadataMapper.emptyToNull(unlinked.reason()))
                    .build();
            case io.tryx.protocol.client.messaging.GroupEvent.MembershipRequested requested -> MembershipRequested.newBuilder()
                    .setRequesters(users(requested.requesters()))
                    .setMethod(GroupMetadataMapper.emptyToNull(requested.method()))
                    .build();
            case io.tryx.protocol.client.messaging.GroupEvent.MembershipRequestsRevoked revoked ->
                    MembershipRequestsRevoked.newBuilder()
                            .setRequesters(users(revoked.requesters()))
                            .setWithdrawn(revoked.withdrawn())
                            .build();
        };
    }

    private static List<String> users(List<Jid> users) {
        return users.stream().map(user -> user.toNonAd().toString()).toList();
    }

    private static ParticipantAction action(io.tryx.protocol.client.messaging.GroupEvent.ParticipantsChanged changed) {
        return switch (changed.action()) {
            case ADD -> changed.reason().equals("invite") ? ParticipantAction.JOIN_BY_LINK : ParticipantAction.ADD;
            case REMOVE -> isSelf(changed.actor(), changed.participants()) ? ParticipantAction.LEAVE
                    : ParticipantAction.REMOVE;
            case PROMOTE -> ParticipantAction.PROMOTE;
            case DEMOTE -> ParticipantAction.DEMOTE;
        };
    }

    /** True when the only member concerned is the author (a member who left). */
    private static boolean isSelf(Jid actor, List<Jid> participants) {
        return actor != null && participants.size() == 1 && participants.getFirst().sameUser(actor);
    }
}
