package io.tryx.protocol.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Statement text and parameter binding shared by every table group; the SQL here runs on both dialects. */
final class Sql {

    private Sql() {
    }

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * {@code INSERT ... ON CONFLICT (keys) DO UPDATE SET values}: the upsert both SQLite (3.24+) and
     * PostgreSQL understand. Parameters are the keys, then the values.
     */
    static String upsert(String table, List<String> keys, List<String> values) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(values);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET "
                + values.stream().map(v -> v + " = excluded." + v).collect(Collectors.joining(", "));
    }

    /**
     * Binds {@code values} to the statement's parameters in order. Strings, ints, longs and byte arrays are
     * bound as such; a null is a null binary value (the only nullable columns hold bytes).
     */
    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int index = i + 1;
            switch (values[i]) {
                case null -> statement.setNull(index, Types.VARBINARY);
                case String s -> statement.setString(index, s);
                case Integer n -> statement.setInt(index, n);
                case Long n -> statement.setLong(index, n);
                case byte[] b -> statement.setBytes(index, b);
                default -> throw new IllegalArgumentException("cannot bind " + values[i].getClass().getName());
            }
        }
    }

    /** The first row of a query, mapped, if there is one. */
    static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row.map(rows)) : Optional.empty();
            }
        }
    }

    /** Every row of a query, mapped, in the order the query returns them. */
    static <T> List<T> all(Connection connection, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(row.map(rows));
                }
                return out;
            }
        }
    }
}
