package io.tryx.protocol.client.privacy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Privacy settings as the server reported them: all of them (from {@link Privacy#settings()}) or the changed
 * ones (in a change notification or a set's answer).
 *
 * @param values the settings this client knows, by category
 * @param other  categories or values it does not know, by wire name, as sent
 */
public record PrivacySettings(Map<PrivacyCategory, PrivacyValue> values, Map<String, String> other) {

    public PrivacySettings {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
        other = Map.copyOf(other);
    }

    /** The value of {@code category}, if reported. */
    public Optional<PrivacyValue> value(PrivacyCategory category) {
        return Optional.ofNullable(values.get(category));
    }

    /** Reads {@code name -> value} pairs as they come on the wire. */
    static PrivacySettings fromWire(Map<String, String> wire) {
        Map<PrivacyCategory, PrivacyValue> known = new EnumMap<>(PrivacyCategory.class);
        Map<String, String> unknown = new LinkedHashMap<>();
        wire.forEach((name, value) -> {
            Optional<PrivacyCategory> category = PrivacyCategory.fromWire(name);
            Optional<PrivacyValue> parsed = PrivacyValue.fromWire(value);
            if (category.isPresent() && parsed.isPresent()) {
                known.put(category.get(), parsed.get());
            } else {
                unknown.put(name, value);
            }
        });
        return new PrivacySettings(known, unknown);
    }
}
