package io.tryx.bridge.accounts;

import java.util.Optional;

/** What an observer may read about an account: its id, its device and LID once known, its connection state. */
public interface AccountView {

    /** The account's id: its user JID. */
    String accountId();

    /** Our linked device's JID once paired. */
    Optional<String> device();

    /** The account's LID user JID once known. */
    Optional<String> lid();

    /** The connection state ({@code CONNECTED}, {@code PAIRING}, {@code LOGGED_OUT}, ...). */
    String state();
}
