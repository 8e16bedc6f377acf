package io.tryx.protocol.store.sql;

import java.util.Objects;

/**
 * Where a PostgreSQL store lives and how many connections it may hold.
 *
 * @param jdbcUrl  e.g. {@code jdbc:postgresql://db:5432/tryx}; the tables go to the connection's schema
 * @param user     database user
 * @param password its password (never shown by {@link #toString()})
 * @param poolSize the most connections this process opens; each in-flight apply or read holds one
 */
public record PostgresConfig(String jdbcUrl, String user, String password, int poolSize) {

    public PostgresConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
    }

    @Override
    public String toString() {
        return "PostgresConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
