package io.tryx.simulator.newsletter;

import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The newsletters the server knows, by JID ({@code 120363…@newsletter}) and by invite code; bounded at
 * {@value #LIMIT} (creating more fails). Thread-safe.
 */
public final class NewsletterDirectory {

    static final int LIMIT = 10_000;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<Jid, Newsletter> byJid = new ConcurrentHashMap<>();
    private final Map<String, Newsletter> byInvite = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong next = new AtomicLong(100_000_000_000L + new SecureRandom().nextLong(800_000_000_000L));

    /** Creates a newsletter {@code owner} owns; empty when the directory is full. */
    public synchronized Optional<Newsletter> create(Account owner, String name, String description, long now) {
        if (byJid.size() >= LIMIT) {
            return Optional.empty();
        }
        Jid jid = Jid.parse("120363" + next.getAndIncrement() + "@newsletter");
        StringBuilder invite = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            invite.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Newsletter newsletter = new Newsletter(jid, invite.toString(), now, owner, name, description == null ? "" : description);
        byJid.put(jid, newsletter);
        byInvite.put(newsletter.invite(), newsletter);
        return Optional.of(newsletter);
    }

    public Optional<Newsletter> find(Jid jid) {
        return Optional.ofNullable(byJid.get(jid));
    }

    public Optional<Newsletter> findByInvite(String invite) {
        return Optional.ofNullable(byInvite.get(invite));
    }

    /** The newsletters {@code account} owns or follows. */
    public List<Newsletter> of(Account account) {
        return byJid.values().stream().filter(n -> n.owner() == account || n.follows(account)).toList();
    }

    public int size() {
        return byJid.size();
    }
}
