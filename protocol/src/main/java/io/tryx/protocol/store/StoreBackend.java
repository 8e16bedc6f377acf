package io.tryx.protocol.store;

import java.util.List;

/**
 * Where the accounts of one runtime keep their state: in memory, one SQLite file, or a PostgreSQL database
 * shared by many accounts. Opening an account that was never stored gives an empty store.
 */
public interface StoreBackend extends AutoCloseable {

    /** The account's store; the same account id always reaches the same state. */
    AccountStore open(String accountId);

    /** The ids of the accounts that have stored credentials. */
    List<String> accountIds();

    /** Releases connections and files; stores opened from it must not be used afterwards. */
    @Override
    void close();
}
