package io.tryx.bridge.app;

import java.util.Optional;

/**
 * What the bridge shows about one account (status page, {@code accounts list}).
 *
 * @param accountId the id the account was added under
 * @param jid       our device JID once paired
 * @param state     the connection state ({@code PAIRING}, {@code CONNECTED}, {@code WAITING_TO_RECONNECT}, {@code LOGGED_OUT}, ...)
 * @param qrCode    the QR text to show while pairing by QR
 * @param pairCode  the code to type on the phone while pairing by phone number
 */
public record AccountStatus(String accountId, Optional<String> jid, String state, Optional<String> qrCode,
                            Optional<String> pairCode) {
}
