package io.tryx.simulator.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * WhatsApp's privacy settings ({@code <category name value/>}): each with the values a client may set and the
 * value a new account starts with.
 */
public enum PrivacyCategory {
    /** Who sees "last seen". */
    LAST("last", "all", "all", "contacts", "contact_blacklist", "none"),
    /** Who sees "online"; {@code match_last_seen} follows {@link #LAST}. */
    ONLINE("online", "all", "all", "match_last_seen"),
    /** Who sees the profile picture. */
    PROFILE("profile", "all", "all", "contacts", "contact_blacklist", "none"),
    /** Who sees the "about" status text. */
    STATUS("status", "contacts", "all", "contacts", "contact_blacklist", "none"),
    /** Whether read receipts are sent (and so received). */
    READ_RECEIPTS("readreceipts", "all", "all", "none"),
    /** Who may add the account to groups. */
    GROUP_ADD("groupadd", "all", "all", "contacts", "contact_blacklist", "none"),
    /** Who may call. */
    CALL_ADD("calladd", "all", "all", "known"),
    /** Who may start a chat. */
    MESSAGES("messages", "all", "all", "contacts"),
    /** Advanced chat privacy / protection. */
    DEFENSE("defense", "off", "on_standard", "off");

    private final String wireName;
    private final String defaultValue;
    private final List<String> values;

    PrivacyCategory(String wireName, String defaultValue, String... values) {
        this.wireName = wireName;
        this.defaultValue = defaultValue;
        this.values = List.of(values);
    }

    /** The {@code name} on the wire. */
    public String wireName() {
        return wireName;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** True when a client may set {@code value}. */
    public boolean accepts(String value) {
        return values.contains(value);
    }

    /** The category named {@code name} on the wire. */
    public static Optional<PrivacyCategory> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
