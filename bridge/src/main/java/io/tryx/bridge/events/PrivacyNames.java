package io.tryx.bridge.events;

import io.tryx.commands.v1.privacy.PrivacySetting;
import io.tryx.commands.v1.privacy.PrivacyValue;
import io.tryx.protocol.client.privacy.PrivacyCategory;

import java.util.Optional;

/**
 * The contract's privacy names ({@code PrivacySetting}, {@code PrivacyValue}) and the runtime's
 * ({@link PrivacyCategory}, {@link io.tryx.protocol.client.privacy.PrivacyValue}), both ways. Settings the contract
 * has no symbol for (advanced chat privacy) have none here either.
 */
public final class PrivacyNames {

    private PrivacyNames() {
    }

    /** The runtime's category for a contract setting; empty for {@code UNKNOWN}. */
    public static Optional<PrivacyCategory> category(PrivacySetting setting) {
        return Optional.ofNullable(switch (setting) {
            case LAST_SEEN -> PrivacyCategory.LAST_SEEN;
            case ONLINE -> PrivacyCategory.ONLINE;
            case PROFILE_PICTURE -> PrivacyCategory.PROFILE_PHOTO;
            case STATUS -> PrivacyCategory.STATUS;
            case READ_RECEIPTS -> PrivacyCategory.READ_RECEIPTS;
            case GROUP_ADD -> PrivacyCategory.GROUPS_ADD;
            case CALL_ADD -> PrivacyCategory.CALLS;
            case MESSAGES -> PrivacyCategory.MESSAGES;
            case UNKNOWN -> null;
        });
    }

    /** The contract's setting for a runtime category; empty when the contract has none. */
    public static Optional<PrivacySetting> setting(PrivacyCategory category) {
        return Optional.ofNullable(switch (category) {
            case LAST_SEEN -> PrivacySetting.LAST_SEEN;
            case ONLINE -> PrivacySetting.ONLINE;
            case PROFILE_PHOTO -> PrivacySetting.PROFILE_PICTURE;
            case STATUS -> PrivacySetting.STATUS;
            case READ_RECEIPTS -> PrivacySetting.READ_RECEIPTS;
            case GROUPS_ADD -> PrivacySetting.GROUP_ADD;
            case CALLS -> PrivacySetting.CALL_ADD;
            case MESSAGES -> PrivacySetting.MESSAGES;
            case DEFENSE -> null;
        });
    }

    /** The runtime's value for a contract value; empty for {@code UNKNOWN}. */
    public static Optional<io.tryx.protocol.client.privacy.PrivacyValue> value(PrivacyValue value) {
        return Optional.ofNullable(switch (value) {
            case ALL -> io.tryx.protocol.client.privacy.PrivacyValue.EVERYONE;
            case CONTACTS -> io.tryx.protocol.client.privacy.PrivacyValue.CONTACTS;
            case CONTACT_BLACKLIST -> io.tryx.protocol.client.privacy.PrivacyValue.CONTACTS_EXCEPT;
            case MATCH_LAST_SEEN -> io.tryx.protocol.client.privacy.PrivacyValue.SAME_AS_LAST_SEEN;
            case KNOWN -> io.tryx.protocol.client.privacy.PrivacyValue.KNOWN;
            case NONE -> io.tryx.protocol.client.privacy.PrivacyValue.NOBODY;
            case UNKNOWN -> null;
        });
    }

    /** The contract's value for a runtime value; empty when the contract has none. */
    public static Optional<PrivacyValue> value(io.tryx.protocol.client.privacy.PrivacyValue value) {
        return Optional.ofNullable(switch (value) {
            case EVERYONE -> PrivacyValue.ALL;
            case CONTACTS -> PrivacyValue.CONTACTS;
            case CONTACTS_EXCEPT -> PrivacyValue.CONTACT_BLACKLIST;
            case SAME_AS_LAST_SEEN -> PrivacyValue.MATCH_LAST_SEEN;
            case KNOWN -> PrivacyValue.KNOWN;
            case NOBODY -> PrivacyValue.NONE;
            case ON_STANDARD, OFF -> null;
        });
    }
}
