package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * Brings a database's schema to the newest version with Flyway, from the versioned scripts of its dialect
 * ({@code db/sqlite}, {@code db/postgresql}). Running it on an up-to-date database changes nothing, and
 * concurrent processes are kept apart by Flyway's own lock.
 */
final class Migrations {

    /** The Flyway history table; named for us so a database shared with other applications stays tidy. */
    static final String HISTORY_TABLE = "tryx_schema_history";

    private Migrations() {
    }

    /** Applies the pending migrations; returns how many ran. A failure is a {@link StoreException}. */
    static int migrate(DataSource dataSource, SqlDialect dialect) {
        try {
            return Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .table(HISTORY_TABLE)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the " + dialect + " store schema: " + e.getMessage(), e);
        }
    }
}
