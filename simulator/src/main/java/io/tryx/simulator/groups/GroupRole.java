package io.tryx.simulator.groups;

import java.util.Optional;

/** A participant's role in a group, as the {@code type} attribute of {@code <participant>} names it. */
public enum GroupRole {
    /** A plain member: no {@code type} attribute. */
    MEMBER,
    /** {@code type="admin"}. */
    ADMIN,
    /** {@code type="superadmin"}: the creator. */
    SUPERADMIN;

    /** The {@code type} attribute value; empty for plain members. */
    public Optional<String> type() {
        return switch (this) {
            case MEMBER -> Optional.empty();
            case ADMIN -> Optional.of("admin");
            case SUPERADMIN -> Optional.of("superadmin");
        };
    }

    public boolean isAdmin() {
        return this != MEMBER;
    }

    /** Lower-case name for the admin API ({@code member}, {@code admin}, {@code superadmin}). */
    public String label() {
        return name().toLowerCase();
    }
}
