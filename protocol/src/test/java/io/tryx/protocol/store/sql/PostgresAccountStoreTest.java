package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.AccountStoreContract;
import io.tryx.protocol.store.StoreBackend;

/** The PostgreSQL backend, on a real server, shows the behaviour of every store; each test has its own database. */
class PostgresAccountStoreTest extends AccountStoreContract {

    private String jdbcUrl;

    @Override
    protected StoreBackend newBackend() {
        jdbcUrl = EmbeddedPostgresServer.shared().createDatabase();
        return StoreBackends.postgres(jdbcUrl, EmbeddedPostgresServer.USER, "", 4);
    }

    @Override
    protected StoreBackend reopen() {
        backend.close();
        return StoreBackends.postgres(jdbcUrl, EmbeddedPostgresServer.USER, "", 4);
    }
}
