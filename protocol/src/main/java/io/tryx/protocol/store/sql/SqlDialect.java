package io.tryx.protocol.store.sql;

import java.util.Optional;

/**
 * What differs between the SQL databases a store runs on. The statements themselves are shared (both
 * speak {@code INSERT ... ON CONFLICT}); the schema's types, and how writers of one account are kept apart,
 * are not.
 */
enum SqlDialect {

    /** One file, one writer connection: writes are serialized by the database's single write lock. */
    SQLITE("sqlite", null),

    /**
     * Many connections and processes: a transaction-scoped advisory lock on the account id serializes the
     * writers of one account (so changes apply in order and never deadlock), while other accounts proceed.
     */
    POSTGRESQL("postgresql", "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");

    private final String folder;
    private final String accountLock;

    SqlDialect(String folder, String accountLock) {
        this.folder = folder;
        this.accountLock = accountLock;
    }

    /** Where this dialect's Flyway migrations live on the classpath. */
    String migrations() {
        return "classpath:db/" + folder;
    }

    /** A statement taking the account id that serializes one account's writers, if the database needs one. */
    Optional<String> accountLock() {
        return Optional.ofNullable(accountLock);
    }
}
