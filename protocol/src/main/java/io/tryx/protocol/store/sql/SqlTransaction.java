package io.tryx.protocol.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writes of one {@code apply} on one connection inside one transaction. Rows are added to batches:
 * consecutive rows of the same statement (prekeys uploaded together, the deletes of a wipe) reach the
 * database in one round trip, and a different statement first flushes the pending batch, so the order of
 * the changes is kept. Owned by one thread for the life of the transaction.
 */
final class SqlTransaction implements AutoCloseable {

    private final Connection connection;
    private final String accountId;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private PreparedStatement pending;

    SqlTransaction(Connection connection, String accountId) {
        this.connection = connection;
        this.accountId = accountId;
    }

    /** The account every row written here belongs to. */
    String accountId() {
        return accountId;
    }

    /** Adds one execution of {@code sql} with these parameters ({@link Sql#bind}) to the transaction. */
    void add(String sql, Object... params) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        if (statement != pending) {
            flush();
        }
        Sql.bind(statement, params);
        statement.addBatch();
        pending = statement;
    }

    /** Sends the pending batch, if any. */
    void flush() throws SQLException {
        if (pending != null) {
            PreparedStatement statement = pending;
            pending = null;
            statement.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
