package io.tryx.protocol.client.privacy;

import io.tryx.protocol.jid.Jid;

import java.util.List;

/**
 * The contacts excluded from a setting under {@link PrivacyValue#CONTACTS_EXCEPT}.
 *
 * @param category the setting
 * @param users    the excluded users
 * @param hash     the server's hash of the list ({@code dhash}), null when not sent
 */
public record DisallowedList(PrivacyCategory category, List<Jid> users, String hash) {

    public DisallowedList {
        users = List.copyOf(users);
    }
}
