package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.AccountStoreContract;
import io.tryx.protocol.store.StoreBackend;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SQLite backend shows the behaviour of every store; reopening opens the same file again. */
class SqliteAccountStoreTest extends AccountStoreContract {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("state").resolve("tryx.db");
    }

    @Override
    protected StoreBackend newBackend() {
        return StoreBackends.sqlite(file());
    }

    @Override
    protected StoreBackend reopen() {
        backend.close();
        return StoreBackends.sqlite(file());
    }
}
