package io.tryx.simulator.groups;

import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's groups, in memory: creates them with fresh ids ({@code 120363} and 12 random digits, the
 * shape of current group ids), finds them by JID or invite code and remembers revoked codes (a join with one
 * answers 410 gone, an unknown code 406). A group nobody is left in is forgotten. Thread-safe.
 */
public final class GroupRegistry {

    private static final String ID_PREFIX = "120363";
    private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, Group> byId = new ConcurrentHashMap<>();
    private final Map<String, Group> byCode = new ConcurrentHashMap<>();
    private final Set<String> revokedCodes = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    /** A new phone-number addressed group with {@code creator} as its only participant (superadmin). */
    public Group create(Account creator, String subject, long creation, GroupSettings settings) {
        return create(creator, subject, creation, settings, false);
    }

    /** A new group with {@code creator} as its only participant (superadmin), LID-addressed when {@code lid}. */
    public Group create(Account creator, String subject, long creation, GroupSettings settings, boolean lid) {
        while (true) {
            Group group = new Group(randomId(), creator, subject, creation, settings, lid);
            if (byId.putIfAbsent(group.id(), group) == null) {
                return group;
            }
        }
    }

    /** The group of {@code jid} ({@code <id>@g.us}). */
    public Optional<Group> find(Jid jid) {
        if (jid == null || !jid.isGroup()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(jid.user()));
    }

    /** The group addressed by a JID text or a bare id; empty for anything else. */
    public Optional<Group> find(String jidOrId) {
        if (jidOrId == null || jidOrId.isEmpty()) {
            return Optional.empty();
        }
        if (!jidOrId.contains("@")) {
            return Optional.ofNullable(byId.get(jidOrId));
        }
        try {
            return find(Jid.parse(jidOrId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The groups {@code account} participates in. */
    public List<Group> groupsOf(Account account) {
        return byId.values().stream().filter(g -> g.isParticipant(account)).toList();
    }

    public Collection<Group> groups() {
        return List.copyOf(byId.values());
    }

    /** The group's invite code, created on first use. */
    public String inviteCode(Group group) {
        synchronized (group) {
            Optional<String> current = group.inviteCode();
            if (current.isPresent()) {
                return current.get();
            }
            String code = newCode(group);
            group.inviteCode(code);
            return code;
        }
    }

    /** Replaces the group's invite code; the old one answers 410 from now on. Returns the new code. */
    public String revokeInviteCode(Group group) {
        synchronized (group) {
            group.inviteCode().ifPresent(old -> {
                byCode.remove(old);
                revokedCodes.add(old);
            });
            String code = newCode(group);
            group.inviteCode(code);
            return code;
        }
    }

    /** What an invite code leads to. */
    public InviteLookup lookup(String code) {
        Group group = byCode.get(code);
        if (group != null && byId.containsKey(group.id())) {
            return new InviteLookup.Valid(group);
        }
        return revokedCodes.contains(code) ? new InviteLookup.Revoked() : new InviteLookup.Unknown();
    }

    /** Forgets the group when nobody is left in it; true when it was forgotten. */
    public boolean dropIfEmpty(Group group) {
        synchronized (group) {
            if (!group.participants().isEmpty()) {
                return false;
            }
            byId.remove(group.id());
            group.inviteCode().ifPresent(byCode::remove);
            return true;
        }
    }

    private String newCode(Group group) {
        while (true) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 22; i++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (byCode.putIfAbsent(code.toString(), group) == null) {
                return code.toString();
            }
        }
    }

    private synchronized String randomId() {
        StringBuilder id = new StringBuilder(ID_PREFIX);
        while (id.length() < 18) {
            id.append(random.nextInt(10));
        }
        return id.toString();
    }

    /** The outcome of looking up an invite code. */
    public sealed interface InviteLookup {
        /** The code is current for this group. */
        record Valid(Group group) implements InviteLookup {
        }

        /** The code was revoked (410 gone). */
        record Revoked() implements InviteLookup {
        }

        /** The code never existed (406 not acceptable). */
        record Unknown() implements InviteLookup {
        }
    }
}
