package io.tryx.bridge.events;

import io.tryx.common.v1.GroupMetadata;
import io.tryx.common.v1.GroupParticipant;
import io.tryx.common.v1.GroupRole;
import io.tryx.common.v1.GroupSetting;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the runtime's {@link GroupInfo} to the contract's {@link GroupMetadata}: shared by the group events
 * (snapshots) and the results of the group commands. Empty texts become null, an ephemeral timer of 0 becomes null
 * (off), times before 1970-01-01T00:00:01Z (the server did not say) become null.
 */
public final class GroupMetadataMapper {

    private GroupMetadataMapper() {
    }

    public static GroupMetadata map(GroupInfo info) {
        List<GroupSetting> on = new ArrayList<>();
        if (info.announce()) {
            on.add(GroupSetting.ANNOUNCEMENT);
        }
        if (info.locked()) {
            on.add(GroupSetting.LOCKED);
        }
        if (info.joinApproval()) {
            on.add(GroupSetting.JOIN_APPROVAL);
        }
        return GroupMetadata.newBuilder()
                .setJid(info.jid().toString())
                .setSubject(info.subject())
                .setSubjectOwner(jid(info.subjectOwner()))
                .setSubjectTime(time(info.subjectTime()))
                .setDescription(emptyToNull(info.description()))
                .setDescriptionId(emptyToNull(info.descriptionId()))
                .setCreator(jid(info.creator()))
                .setCreatedAt(time(info.creation()))
                .setSettingsOn(on)
                .setEphemeralExpirationSeconds(info.ephemeralSeconds() > 0 ? info.ephemeralSeconds() : null)
                .setCommunity(info.parent())
                .setParentCommunity(jid(info.linkedParent()))
                .setParticipants(info.participants().stream().map(GroupMetadataMapper::participant).toList())
                .build();
    }

    private static GroupParticipant participant(io.tryx.protocol.client.groups.GroupParticipant participant) {
        return GroupParticipant.newBuilder()
                .setJid(participant.jid().toNonAd().toString())
                .setLid(jid(participant.lid()))
                .setRole(switch (participant.role()) {
                    case MEMBER -> GroupRole.MEMBER;
                    case ADMIN -> GroupRole.ADMIN;
                    case SUPERADMIN -> GroupRole.SUPERADMIN;
                })
                .build();
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static String jid(Jid jid) {
        return jid == null ? null : jid.toNonAd().toString();
    }

    private static Instant time(Instant instant) {
        return instant == null || instant.getEpochSecond() <= 0 ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
