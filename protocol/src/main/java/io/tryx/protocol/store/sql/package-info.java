/**
 * Durable {@link io.tryx.protocol.store.StoreBackend}s over JDBC: SQLite (one file, the embedded default) and
 * PostgreSQL (shared by many accounts and processes). One table per record kind keyed by account id,
 * schemas migrated by Flyway from {@code db/<dialect>/}, each {@code apply} one transaction. Runtime
 * package: does IO. Entry point: {@link io.tryx.protocol.store.sql.StoreBackends}.
 */
package io.tryx.protocol.store.sql;
