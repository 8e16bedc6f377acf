package io.tryx.simulator.privacy;

import io.tryx.simulator.account.Account;
import io.tryx.simulator.contacts.Contacts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The privacy state of all accounts (settings and blocklists) and the decisions drawn from it: may a viewer see
 * an owner's last seen, online state, profile picture or status text. An account always sees its own; a block
 * either way hides everything; otherwise the owner's value decides: {@code all}, {@code contacts} (see
 * {@link Contacts}), {@code contact_blacklist} (contacts not excluded), {@code none}; online with
 * {@code match_last_seen} follows last seen. Thread-safe.
 */
public final class Privacy {

    private final Contacts contacts;
    private final Blocklist blocklist = new Blocklist();
    private final Map<String, PrivacySettings> settings = new ConcurrentHashMap<>();

    public Privacy(Contacts contacts) {
        this.contacts = contacts;
    }

    /** The account's settings (created with the defaults on first use). */
    public PrivacySettings settings(Account account) {
        return settings.computeIfAbsent(account.phone(), p -> new PrivacySettings());
    }

    public Blocklist blocklist() {
        return blocklist;
    }

    public Contacts contacts() {
        return contacts;
    }

    /** True when {@code viewer} may see what {@code category} guards of {@code owner}. */
    public boolean visible(Account owner, PrivacyCategory category, Account viewer) {
        if (owner == viewer) {
            return true;
        }
        if (blocklist.eitherBlocked(owner, viewer)) {
            return false;
        }
        PrivacySettings own = settings(owner);
        String value = own.value(category);
        if (category == PrivacyCategory.ONLINE) {
            return value.equals("all") || visible(owner, PrivacyCategory.LAST, viewer);
        }
        return switch (value) {
            case "all" -> true;
            case "contacts" -> contacts.areContacts(owner, viewer);
            case "contact_blacklist" -> contacts.areContacts(owner, viewer) && !own.isExcluded(category, viewer.phone());
            default -> false;
        };
    }
}
