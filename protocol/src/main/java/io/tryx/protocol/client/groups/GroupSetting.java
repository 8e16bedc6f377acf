package io.tryx.protocol.client.groups;

/** A group setting, as set through {@link Groups#setting} and reported by group change events. */
public sealed interface GroupSetting {

    /** Only admins may send ({@code announcement} / {@code not_announcement}). */
    record Announce(boolean on) implements GroupSetting {
    }

    /** Only admins may edit the group's info ({@code locked} / {@code unlocked}). */
    record Locked(boolean on) implements GroupSetting {
    }

    /** Disappearing messages after {@code seconds}; 0 turns them off ({@code ephemeral} / {@code not_ephemeral}). */
    record Ephemeral(int seconds) implements GroupSetting {
        public Ephemeral {
            if (seconds < 0) {
                throw new IllegalArgumentException("negative ephemeral timer: " + seconds);
            }
        }
    }

    /**
     * Admins approve who joins ({@code <membership_approval_mode><group_join state="on|off"/>}): a join by invite
     * then becomes a membership request (see {@link Groups#membershipRequests}).
     */
    record JoinApproval(boolean on) implements GroupSetting {
    }
}
