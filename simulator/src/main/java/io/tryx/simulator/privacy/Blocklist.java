package io.tryx.simulator.privacy;

import io.tryx.simulator.account.Account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who blocked whom, by phone number, in blocking order. A blocker gets no 1:1 messages, chat states or presence
 * from the accounts it blocked, and they do not see its presence, status or picture. Thread-safe.
 */
public final class Blocklist {

    private final Map<String, Set<String>> blocked = new ConcurrentHashMap<>();

    /** {@code owner} blocks {@code target}; false when it already did. */
    public boolean block(Account owner, Account target) {
        Set<String> set = blocked.computeIfAbsent(owner.phone(), k -> new LinkedHashSet<>());
        synchronized (set) {
            return set.add(target.phone());
        }
    }

    /** {@code owner} unblocks {@code target}; false when it was not blocked. */
    public boolean unblock(Account owner, Account target) {
        Set<String> set = blocked.get(owner.phone());
        if (set == null) {
            return false;
        }
        synchronized (set) {
            return set.remove(target.phone());
        }
    }

    /** True when {@code owner} blocked {@code target}. */
    public boolean isBlocked(Account owner, Account target) {
        Set<String> set = blocked.get(owner.phone());
        if (set == null) {
            return false;
        }
        synchronized (set) {
            return set.contains(target.phone());
        }
    }

    /** True when either blocked the other. */
    public boolean eitherBlocked(Account a, Account b) {
        return isBlocked(a, b) || isBlocked(b, a);
    }

    /** The phone numbers {@code owner} blocked, in blocking order. */
    public List<String> blockedBy(Account owner) {
        Set<String> set = blocked.get(owner.phone());
        if (set == null) {
            return List.of();
        }
        synchronized (set) {
            return List.copyOf(set);
        }
    }

    /** A short hash of the list ({@code dhash}), changing with every change. */
    public String hash(Account owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(",", blockedBy(owner)).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
