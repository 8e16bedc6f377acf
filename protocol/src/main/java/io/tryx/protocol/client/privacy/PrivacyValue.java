package io.tryx.protocol.client.privacy;

import java.util.Arrays;
import java.util.Optional;

/** A privacy setting's value; which values a setting takes is {@link PrivacyCategory#accepts}. */
public enum PrivacyValue {
    /** Everyone. */
    EVERYONE("all"),
    /** My contacts. */
    CONTACTS("contacts"),
    /** My contacts except those on the setting's disallowed list. */
    CONTACTS_EXCEPT("contact_blacklist"),
    /** Nobody. */
    NOBODY("none"),
    /** Online: the same people who see last seen. */
    SAME_AS_LAST_SEEN("match_last_seen"),
    /** Calls: only people I know. */
    KNOWN("known"),
    /** Advanced chat privacy on. */
    ON_STANDARD("on_standard"),
    /** Advanced chat privacy off. */
    OFF("off");

    private final String wire;

    PrivacyValue(String wire) {
        this.wire = wire;
    }

    /** The {@code value} attribute on the wire. */
    public String wire() {
        return wire;
    }

    /** The value named {@code wire}. */
    public static Optional<PrivacyValue> fromWire(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }
}
