package io.tryx.protocol.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.tryx.protocol.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The connections of one backend: a pool for writes and one for reads (the same pool on PostgreSQL; on
 * SQLite one writer connection and a few readers, which WAL lets run beside it). Reads are single
 * statements in auto-commit; {@link #write} runs one transaction and rolls it back on any failure.
 * Thread-safe.
 */
final class SqlDatabase implements AutoCloseable {

    /** A read on a pooled connection. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The statements of one transaction. */
    @FunctionalInterface
    interface Write {
        void run(SqlTransaction transaction) throws SQLException;
    }

    private final SqlDialect dialect;
    private final HikariDataSource writers;
    private final HikariDataSource readers;

    SqlDatabase(SqlDialect dialect, HikariDataSource writers, HikariDataSource readers) {
        this.dialect = dialect;
        this.writers = writers;
        this.readers = readers;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** Runs a read; database failures become a {@link StoreException} naming {@code what}. */
    <T> T read(String what, Read<T> read) {
        try (Connection connection = readers.getConnection()) {
            return read.run(connection);
        } catch (SQLException e) {
            throw new StoreException("could not read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code write} as one transaction for {@code accountId}: all of it commits or, on any failure
     * (database or not), none of it does and a {@link StoreException} is thrown.
     */
    void write(String accountId, Write write) {
        try (Connection connection = writers.getConnection()) {
            connection.setAutoCommit(false);
            try (SqlTransaction transaction = new SqlTransaction(connection, accountId)) {
                lockAccount(connection, accountId);
                write.run(transaction);
                transaction.flush();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e instanceof StoreException s ? s
                        : new StoreException("could not apply the changes of account " + accountId + ": " + e.getMessage(), e);
            }
            // the pool restores auto-commit when the connection is returned
        } catch (SQLException e) {
            throw new StoreException("could not apply the changes of account " + accountId + ": " + e.getMessage(), e);
        }
    }

    private void lockAccount(Connection connection, String accountId) throws SQLException {
        if (dialect.accountLock().isPresent()) {
            try (PreparedStatement lock = connection.prepareStatement(dialect.accountLock().get())) {
                lock.setString(1, accountId);
                lock.execute();
            }
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        readers.close();
        writers.close();
    }
}
