package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.StoreBackend;

import java.util.List;

/** A {@link StoreBackend} over one migrated SQL database; its stores share the database's pools. */
final class SqlStoreBackend implements StoreBackend {

    private final SqlDatabase db;

    SqlStoreBackend(SqlDatabase db) {
        this.db = db;
    }

    SqlDatabase database() {
        return db;
    }

    @Override
    public AccountStore open(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("an account id must not be blank");
        }
        return new SqlAccountStore(accountId, db);
    }

    @Override
    public List<String> accountIds() {
        return db.read("account ids", AccountTables::accountIds);
    }

    @Override
    public void close() {
        db.close();
    }
}
