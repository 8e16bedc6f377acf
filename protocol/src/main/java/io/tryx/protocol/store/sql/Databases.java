package io.tryx.protocol.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tryx.protocol.store.StoreException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Opens the connection pools of each dialect over a migrated schema. */
final class Databases {

    /** SQLite readers beside the single writer; WAL lets them read while it writes. */
    static final int SQLITE_READERS = 4;
    /** How long a SQLite statement waits for a lock held by another connection or process. */
    static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** How long a caller waits for a pooled connection before its read or apply fails. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private Databases() {
    }

    /**
     * A SQLite file (created with its parent folders if missing) in WAL mode with full fsync on commit, so
     * a committed ratchet step survives a power loss. One writer connection whose transactions take the
     * write lock up front ({@code BEGIN IMMEDIATE}), and {@link #SQLITE_READERS} reader connections.
     */
    static SqlDatabase sqlite(Path file) {
        Path path = file.toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + path, e);
        }
        String url = "jdbc:sqlite:" + path;
        Migrations.migrate(sqliteSource(url, SQLiteConfig.TransactionMode.IMMEDIATE), SqlDialect.SQLITE);
        HikariDataSource writer = pool("tryx-sqlite-writer", sqliteSource(url, SQLiteConfig.TransactionMode.IMMEDIATE), 1);
        try {
            return new SqlDatabase(SqlDialect.SQLITE, writer,
                    pool("tryx-sqlite-readers", sqliteSource(url, SQLiteConfig.TransactionMode.DEFERRED), SQLITE_READERS));
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** A pool of {@link PostgresConfig#poolSize()} connections, used for reads and writes alike. */
    static SqlDatabase postgres(PostgresConfig config) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(config.jdbcUrl());
        source.setUser(config.user());
        source.setPassword(config.password());
        Migrations.migrate(source, SqlDialect.POSTGRESQL);
        HikariDataSource pool = pool("tryx-postgres", source, config.poolSize());
        return new SqlDatabase(SqlDialect.POSTGRESQL, pool, pool);
    }

    private static SQLiteDataSource sqliteSource(String url, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) SQLITE_BUSY_TIMEOUT.toMillis());
        config.setTransactionMode(mode);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private static HikariDataSource pool(String name, DataSource source, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the connection pool " + name + ": " + e.getMessage(), e);
        }
    }
}
