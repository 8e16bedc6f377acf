package io.tryx.simulator.groups;

/**
 * A group's switches: {@code locked} (only admins edit subject, description and disappearing timer),
 * {@code announce} (only admins send), the disappearing-message timer in seconds (0 = off) and whether any
 * member may add participants ({@code all_member_add}) or only admins ({@code admin_add}).
 */
public record GroupSettings(boolean locked, boolean announce, int ephemeralSeconds, boolean allMembersAdd) {

    public static final GroupSettings DEFAULTS = new GroupSettings(false, false, 0, false);

    public GroupSettings withLocked(boolean value) {
        return new GroupSettings(value, announce, ephemeralSeconds, allMembersAdd);
    }

    public GroupSettings withAnnounce(boolean value) {
        return new GroupSettings(locked, value, ephemeralSeconds, allMembersAdd);
    }

    public GroupSettings withEphemeral(int seconds) {
        return new GroupSettings(locked, announce, seconds, allMembersAdd);
    }

    public GroupSettings withAllMembersAdd(boolean value) {
        return new GroupSettings(locked, announce, ephemeralSeconds, value);
    }

    /** The {@code member_add_mode} text. */
    public String memberAddMode() {
        return allMembersAdd ? "all_member_add" : "admin_add";
    }
}
