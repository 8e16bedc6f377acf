package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.StoreBackend;

import java.nio.file.Path;

/**
 * Opens the durable backends. Each migrates its schema to the newest version first, so a backend is ready
 * to use when returned; failures (unreachable database, unwritable file, failed migration) are
 * {@link io.tryx.protocol.store.StoreException}s.
 */
public final class StoreBackends {

    private StoreBackends() {
    }

    /**
     * A SQLite file: the embedded default, for one process with one or many accounts. WAL mode, one writer
     * connection and a few readers.
     */
    public static StoreBackend sqlite(Path file) {
        return new SqlStoreBackend(Databases.sqlite(file));
    }

    /** A PostgreSQL database shared by many accounts and processes; every row is keyed by account id. */
    public static StoreBackend postgres(PostgresConfig config) {
        return new SqlStoreBackend(Databases.postgres(config));
    }

    /** Shorthand for {@link #postgres(PostgresConfig)}. */
    public static StoreBackend postgres(String jdbcUrl, String user, String password, int poolSize) {
        return postgres(new PostgresConfig(jdbcUrl, user, password, poolSize));
    }
}
