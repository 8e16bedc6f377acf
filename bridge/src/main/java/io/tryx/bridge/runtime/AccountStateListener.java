package io.tryx.bridge.runtime;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.state.StateListener;

import java.util.Set;

/**
 * Acts on the accounts' WhatsApp connections when their state transactions fail: an aborted transaction
 * reconnects the accounts of its partition (nothing they did since is acknowledged, so the server delivers it
 * again, and their state is reloaded from Kafka); a fenced partition stops its accounts here for good, since
 * another instance runs them now.
 */
final class AccountStateListener implements StateListener {

    private final AccountHost host;

    AccountStateListener(AccountHost host) {
        this.host = host;
    }

    @Override
    public void reloaded(Set<String> accountIds, Throwable cause) {
        accountIds.forEach(id -> host.reconnect(id, "a state transaction failed: " + cause));
    }

    @Override
    public void fenced(Set<String> accountIds, Throwable cause) {
        accountIds.forEach(id -> host.stop(id, "FENCED"));
    }
}
