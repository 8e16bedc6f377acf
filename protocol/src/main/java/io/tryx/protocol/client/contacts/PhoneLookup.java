package io.tryx.protocol.client.contacts;

import io.tryx.protocol.jid.Jid;

/**
 * Whether a phone number has a WhatsApp account.
 *
 * @param phone      the number as asked (digits, with or without {@code +})
 * @param jid        the user's phone-number JID
 * @param registered true when the number has an account
 * @param lid        the user's LID, null when unknown or not registered
 */
public record PhoneLookup(String phone, Jid jid, boolean registered, Jid lid) {
}
