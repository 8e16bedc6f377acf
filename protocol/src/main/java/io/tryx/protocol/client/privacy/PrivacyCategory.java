package io.tryx.protocol.client.privacy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static io.tryx.protocol.client.privacy.PrivacyValue.CONTACTS;
import static io.tryx.protocol.client.privacy.PrivacyValue.CONTACTS_EXCEPT;
import static io.tryx.protocol.client.privacy.PrivacyValue.EVERYONE;
import static io.tryx.protocol.client.privacy.PrivacyValue.KNOWN;
import static io.tryx.protocol.client.privacy.PrivacyValue.NOBODY;
import static io.tryx.protocol.client.privacy.PrivacyValue.OFF;
import static io.tryx.protocol.client.privacy.PrivacyValue.ON_STANDARD;
import static io.tryx.protocol.client.privacy.PrivacyValue.SAME_AS_LAST_SEEN;

/** One privacy setting ({@code <category name>}) and the values WhatsApp lets a user choose for it. */
public enum PrivacyCategory {
    /** Who sees "last seen". */
    LAST_SEEN("last", EVERYONE, CONTACTS, CONTACTS_EXCEPT, NOBODY),
    /** Who sees "online". */
    ONLINE("online", EVERYONE, SAME_AS_LAST_SEEN),
    /** Who sees the profile photo. */
    PROFILE_PHOTO("profile", EVERYONE, CONTACTS, CONTACTS_EXCEPT, NOBODY),
    /** Who sees the "about" text. */
    STATUS("status", EVERYONE, CONTACTS, CONTACTS_EXCEPT, NOBODY),
    /** Whether read receipts are sent (and so received). */
    READ_RECEIPTS("readreceipts", EVERYONE, NOBODY),
    /** Who may add the account to groups. */
    GROUPS_ADD("groupadd", EVERYONE, CONTACTS, CONTACTS_EXCEPT, NOBODY),
    /** Who may call. */
    CALLS("calladd", EVERYONE, KNOWN),
    /** Who may start a chat. */
    MESSAGES("messages", EVERYONE, CONTACTS),
    /** Advanced chat privacy. */
    DEFENSE("defense", ON_STANDARD, OFF);

    private final String wire;
    private final Set<PrivacyValue> accepted;

    PrivacyCategory(String wire, PrivacyValue first, PrivacyValue... more) {
        this.wire = wire;
        this.accepted = EnumSet.of(first, more);
    }

    /** The {@code name} attribute on the wire. */
    public String wire() {
        return wire;
    }

    /** True when the setting takes {@code value}. */
    public boolean accepts(PrivacyValue value) {
        return accepted.contains(value);
    }

    /** True when the setting has a disallowed list ("my contacts except..."). */
    public boolean hasDisallowedList() {
        return accepted.contains(CONTACTS_EXCEPT);
    }

    /** The category named {@code wire}. */
    public static Optional<PrivacyCategory> fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
    }
}
