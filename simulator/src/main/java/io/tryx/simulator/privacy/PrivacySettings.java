package io.tryx.simulator.privacy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One account's privacy settings: a value per {@link PrivacyCategory} (defaults until set), the accounts
 * excluded under {@code contact_blacklist} per category (by phone), and the default disappearing-messages timer.
 * Thread-safe.
 */
public final class PrivacySettings {

    private final Map<PrivacyCategory, String> values = new EnumMap<>(PrivacyCategory.class);
    private final Map<PrivacyCategory, Set<String>> excluded = new EnumMap<>(PrivacyCategory.class);
    private DisappearingMode disappearing = new DisappearingMode(0, 0);

    /** The default timer for new chats: {@code duration} seconds (0 off), set at {@code t} (epoch seconds, 0 never). */
    public record DisappearingMode(int duration, long t) {
    }

    public synchronized String value(PrivacyCategory category) {
        return values.getOrDefault(category, category.defaultValue());
    }

    /** Sets a value the category accepts. */
    public synchronized void set(PrivacyCategory category, String value) {
        if (!category.accepts(value)) {
            throw new IllegalArgumentException(category.wireName() + " does not take " + value);
        }
        values.put(category, value);
    }

    /** Adds ({@code true}) or removes an account (by phone) from the category's excluded contacts. */
    public synchronized void exclude(PrivacyCategory category, String phone, boolean add) {
        Set<String> set = excluded.computeIfAbsent(category, c -> new TreeSet<>());
        if (add) {
            set.add(phone);
        } else {
            set.remove(phone);
        }
    }

    /** True when {@code phone} is excluded from the category under {@code contact_blacklist}. */
    public synchronized boolean isExcluded(PrivacyCategory category, String phone) {
        return excluded.getOrDefault(category, Set.of()).contains(phone);
    }

    /** The phones excluded from the category under {@code contact_blacklist}, sorted. */
    public synchronized List<String> excluded(PrivacyCategory category) {
        return List.copyOf(excluded.getOrDefault(category, Set.of()));
    }

    /** The excluded phones of every category that has any, by wire name. */
    public synchronized Map<String, List<String>> allExcluded() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        excluded.forEach((category, phones) -> {
            if (!phones.isEmpty()) {
                out.put(category.wireName(), List.copyOf(phones));
            }
        });
        return out;
    }

    /** Every category's current value, in declaration order, by wire name. */
    public synchronized Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (PrivacyCategory category : PrivacyCategory.values()) {
            out.put(category.wireName(), value(category));
        }
        return out;
    }

    public synchronized DisappearingMode disappearing() {
        return disappearing;
    }

    public synchronized void disappearing(DisappearingMode mode) {
        this.disappearing = mode;
    }
}
