package io.tryx.protocol.client.groups;

/** A participant's rank in a group, as the {@code type} attribute of {@code <participant>} names it. */
public enum GroupRole {
    /** No {@code type}: an ordinary member. */
    MEMBER,
    /** {@code type="admin"}. */
    ADMIN,
    /** {@code type="superadmin"}: the creator (cannot be removed or demoted by other admins). */
    SUPERADMIN;

    /** The role of a {@code type} attribute (absent or unknown: member). */
    public static GroupRole fromWire(String type) {
        if (type == null) {
            return MEMBER;
        }
        return switch (type) {
            case "admin" -> ADMIN;
            case "superadmin" -> SUPERADMIN;
            default -> MEMBER;
        };
    }

    public boolean isAdmin() {
        return this != MEMBER;
    }
}
