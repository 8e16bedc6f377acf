package io.tryx.protocol.client.blocking;

import io.tryx.protocol.jid.Jid;

import java.util.List;

/**
 * The users this account blocked, in blocking order.
 *
 * @param users the blocked users
 * @param hash  the server's hash of the list ({@code dhash}), null when not sent
 */
public record Blocklist(List<BlockedUser> users, String hash) {

    public Blocklist {
        users = List.copyOf(users);
    }

    /** True when {@code user} (LID or phone-number JID) is blocked. */
    public boolean contains(Jid user) {
        return users.stream().anyMatch(u -> u.is(user));
    }
}
