package io.tryx.bridge.accounts;

import java.time.Duration;
import java.util.Objects;

/**
 * What the account host knows about a lifecycle event beyond the event itself.
 *
 * @param qrLifetime      how long the QR code of a {@code QrCode} event is accepted (the first lives longer)
 * @param pairCodeMode    true when the account pairs by phone code rather than QR
 * @param logoutRequested true when a LogOut or RemoveAccount command asked for the logout being reported
 */
public record ConnectionHints(Duration qrLifetime, boolean pairCodeMode, boolean logoutRequested) {

    public ConnectionHints {
        Objects.requireNonNull(qrLifetime, "qrLifetime");
    }
}
