package io.tryx.simulator.contacts;

import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.groups.Group;
import io.tryx.simulator.groups.GroupRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who knows whom. The simulator has no address books, so two accounts count as contacts once a 1:1 message went
 * between them (either way) or the admin API said so; this decides the privacy value {@code contacts}. The peers
 * of an account (its contacts and the members of its groups) are the accounts that hold a session with it and
 * are told of its device, status and picture changes. Symmetric; thread-safe.
 */
public final class Contacts {

    private final AccountRegistry accounts;
    private final GroupRegistry groups;
    private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

    public Contacts(AccountRegistry accounts, GroupRegistry groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    /** Records that {@code a} and {@code b} know each other (nothing for the same account). */
    public void add(Account a, Account b) {
        if (a == b) {
            return;
        }
        known.computeIfAbsent(a.phone(), k -> ConcurrentHashMap.newKeySet()).add(b.phone());
        known.computeIfAbsent(b.phone(), k -> ConcurrentHashMap.newKeySet()).add(a.phone());
    }

    /** True when {@code a} and {@code b} are contacts (an account is its own). */
    public boolean areContacts(Account a, Account b) {
        return a == b || known.getOrDefault(a.phone(), Set.of()).contains(b.phone());
    }

    /** The contacts of {@code account}. */
    public List<Account> contactsOf(Account account) {
        return known.getOrDefault(account.phone(), Set.of()).stream()
                .flatMap(phone -> accounts.find(phone).stream()).toList();
    }

    /** The contacts of {@code account} and the members of its groups, each once, without the account itself. */
    public List<Account> peersOf(Account account) {
        Map<String, Account> peers = new LinkedHashMap<>();
        contactsOf(account).forEach(a -> peers.putIfAbsent(a.phone(), a));
        for (Group group : groups.groupsOf(account)) {
            group.participants().forEach(p -> peers.putIfAbsent(p.account().phone(), p.account()));
        }
        peers.remove(account.phone());
        return List.copyOf(peers.values());
    }
}
