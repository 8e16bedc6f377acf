package io.tryx.protocol.client.groups;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group's metadata as the server describes it ({@code <group>}).
 *
 * @param jid              {@code <id>@g.us}
 * @param subject          the group's name
 * @param subjectOwner     who set the subject, null if not told
 * @param subjectTime      when the subject was set
 * @param creator          who created the group, null if not told
 * @param creation         when it was created
 * @param description      the description, empty when none
 * @param descriptionId    the description's id (needed to change it), null when none
 * @param locked           only admins edit the group's info
 * @param announce         only admins send
 * @param ephemeralSeconds the disappearing-messages timer, 0 when off
 * @param addressingMode   {@code pn} (participants by phone number) or {@code lid}
 * @param participants     the participants in the server's order
 * @param parent           the group is a community ({@code <parent/>}): its linked groups are listed by
 *                         {@link io.tryx.protocol.client.community.Communities#subGroups}
 * @param linkedParent     the community this group is linked to ({@code <linked_parent jid/>}), null when none
 * @param defaultSubGroup  the group is its community's announcement group ({@code <default_sub_group/>})
 * @param joinApproval     admins approve who joins ({@code <membership_approval_mode/>}): a join by invite
 *                         becomes a membership request
 */
public record GroupInfo(Jid jid, String subject, Jid subjectOwner, Instant subjectTime, Jid creator, Instant creation,
                        String description, String descriptionId, boolean locked, boolean announce,
                        int ephemeralSeconds, String addressingMode, List<GroupParticipant> participants,
                        boolean parent, Jid linkedParent, boolean defaultSubGroup, boolean joinApproval) {

    /** A plain group: no community, no link, joins need no approval. */
    public GroupInfo(Jid jid, String subject, Jid subjectOwner, Instant subjectTime, Jid creator, Instant creation,
                     String description, String descriptionId, boolean locked, boolean announce,
                     int ephemeralSeconds, String addressingMode, List<GroupParticipant> participants) {
        this(jid, subject, subjectOwner, subjectTime, creator, creation, description, descriptionId, locked, announce,
                ephemeralSeconds, addressingMode, participants, false, null, false, false);
    }

    public GroupInfo {
        Objects.requireNonNull(jid, "jid");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(subjectTime, "subjectTime");
        Objects.requireNonNull(creation, "creation");
        description = description == null ? "" : description;
        addressingMode = addressingMode == null || addressingMode.isEmpty() ? "pn" : addressingMode;
        participants = List.copyOf(participants);
    }

    /** True when the group addresses participants by LID (our messages then go out under our LID). */
    public boolean lidAddressed() {
        return addressingMode.equals("lid");
    }

    /** The participant that is {@code user} (either domain, any device), if any. */
    public Optional<GroupParticipant> participant(Jid user) {
        return participants.stream().filter(p -> p.is(user)).findFirst();
    }
}
