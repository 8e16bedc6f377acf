package io.tryx.protocol.client.messaging;

import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.LinkedGroup;
import io.tryx.protocol.client.groups.ParticipantAction;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to a group, from the server's {@code w:gp2} notifications: reported in the group's order with its
 * messages. {@link #actor()} is who made the change (null when the server did not say); every event of one
 * notification carries its {@link #notificationId()}.
 */
public sealed interface GroupEvent extends MessageEvent {

    /** The group. */
    Jid group();

    /** Who made the change, null if unknown. */
    Jid actor();

    /** When the server announced it. */
    Instant timestamp();

    /**
     * The id of the server's notification stanza (empty when it had none): with the change's kind it names the
     * happening, so a redelivered notification can be recognised.
     */
    String notificationId();

    /** We were put into a new group ({@code <create>}); {@code info} is its metadata. */
    record GroupCreated(Jid group, Jid actor, Instant timestamp, String notificationId, GroupInfo info) implements GroupEvent {
        public GroupCreated {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            Objects.requireNonNull(info, "info");
        }
    }

    /**
     * Participants were added, removed (or left: then {@code actor} is among {@code participants}), promoted or
     * demoted. {@code reason} is the server's reason for an add ({@code invite}, ...), empty if none.
     */
    record ParticipantsChanged(Jid group, Jid actor, Instant timestamp, String notificationId, ParticipantAction action,
                               List<Jid> participants, String reason) implements GroupEvent {
        public ParticipantsChanged {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            Objects.requireNonNull(action, "action");
            participants = List.copyOf(participants);
            reason = reason == null ? "" : reason;
        }
    }

    /** The group was renamed. */
    record SubjectChanged(Jid group, Jid actor, Instant timestamp, String notificationId, String subject) implements GroupEvent {
        public SubjectChanged {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** The description changed; an empty {@code description} means it was deleted. */
    record DescriptionChanged(Jid group, Jid actor, Instant timestamp, String notificationId, String descriptionId, String description)
            implements GroupEvent {
        public DescriptionChanged {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            descriptionId = descriptionId == null ? "" : descriptionId;
            description = description == null ? "" : description;
        }
    }

    /** A setting changed: announce, locked or the ephemeral timer. */
    record SettingChanged(Jid group, Jid actor, Instant timestamp, String notificationId, GroupSetting setting) implements GroupEvent {
        public SettingChanged {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            Objects.requireNonNull(setting, "setting");
        }
    }

    /** The invite code was revoked and replaced (told to admins). */
    record InviteCodeChanged(Jid group, Jid actor, Instant timestamp, String notificationId, String code) implements GroupEvent {
        public InviteCodeChanged {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            Objects.requireNonNull(code, "code");
        }
    }

    /** {@code linked} was linked to the community {@code group} ({@code <link link_type="sub_group">}). */
    record GroupLinked(Jid group, Jid actor, Instant timestamp, String notificationId, LinkedGroup linked)
            implements GroupEvent {
        public GroupLinked {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            Objects.requireNonNull(linked, "linked");
        }
    }

    /**
     * {@code unlinked} was unlinked from the community {@code group} ({@code <unlink unlink_type unlink_reason?>});
     * {@code reason} is the server's, empty if none.
     */
    record GroupUnlinked(Jid group, Jid actor, Instant timestamp, String notificationId, LinkedGroup unlinked,
                         String reason) implements GroupEvent {
        public GroupUnlinked {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            Objects.requireNonNull(unlinked, "unlinked");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * Users asked to join a group whose admins approve who joins ({@code <created_membership_requests
     * request_method>}, told to the admins); {@code method} is how they asked ({@code invite_link}, ...), empty if
     * not told.
     */
    record MembershipRequested(Jid group, Jid actor, Instant timestamp, String notificationId, List<Jid> requesters,
                               String method) implements GroupEvent {
        public MembershipRequested {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            requesters = List.copyOf(requesters);
            method = method == null ? "" : method;
        }
    }

    /**
     * Pending join requests ended without a join ({@code <revoked_membership_requests>}): rejected by the admin
     * {@code actor}, or withdrawn when the actor is the requester ({@link #withdrawn()}).
     */
    record MembershipRequestsRevoked(Jid group, Jid actor, Instant timestamp, String notificationId,
                                     List<Jid> requesters) implements GroupEvent {
        public MembershipRequestsRevoked {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(timestamp, "timestamp");
            notificationId = notificationId == null ? "" : notificationId;
            requesters = List.copyOf(requesters);
        }

        /** True when the requester took its own request back. */
        public boolean withdrawn() {
            return actor != null && requesters.size() == 1 && requesters.getFirst().sameUser(actor);
        }
    }
}
