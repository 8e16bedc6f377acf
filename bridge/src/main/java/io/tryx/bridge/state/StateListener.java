package io.tryx.bridge.state;

import java.util.Set;

/**
 * Hears about state transactions that did not commit, to act on the accounts' WhatsApp connections: their
 * messages were not acknowledged, so the connection is closed and the server delivers them again. Called on a
 * committer thread: return quickly.
 */
public interface StateListener {

    /**
     * A transaction was aborted; these accounts' stores are void: open them again (restored from the changelog) and
     * give them new clients.
     */
    void reloaded(Set<String> accountIds, Throwable cause);

    /** Another instance took over these accounts (same transactional id): stop them here for good. */
    void fenced(Set<String> accountIds, Throwable cause);

    /** Does nothing. */
    StateListener NONE = new StateListener() {
        @Override
        public void reloaded(Set<String> accountIds, Throwable cause) {
        }

        @Override
        public void fenced(Set<String> accountIds, Throwable cause) {
        }
    };
}
