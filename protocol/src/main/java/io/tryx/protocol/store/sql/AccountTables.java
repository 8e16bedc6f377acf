package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.DeviceCredentials;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The credentials table, which accounts exist, and wiping every row of an account. */
final class AccountTables {

    /** Every table holding account rows; a logout empties each of them for the account. */
    static final List<String> ALL = List.of("credentials", "identities", "prekeys", "signed_prekeys", "sessions",
            "sender_keys", "lid_mappings", "device_lists", "message_secrets", "decrypted_buffer", "sent_messages",
            "app_state_sync_keys", "app_state_collections", "sender_key_recipients");

    private static final String UPSERT_CREDENTIALS = Sql.upsert("credentials", List.of("account_id"), List.of("record"));

    private AccountTables() {
    }

    static Optional<DeviceCredentials> credentials(Connection c, String account) throws SQLException {
        return Sql.first(c, "SELECT record FROM credentials WHERE account_id = ?",
                row -> StoredRecords.credentials(row.getBytes(1)), account);
    }

    /** The accounts that have credentials, sorted. */
    static List<String> accountIds(Connection c) throws SQLException {
        return Sql.all(c, "SELECT account_id FROM credentials ORDER BY account_id", row -> row.getString(1));
    }

    static void saveCredentials(SqlTransaction tx, DeviceCredentials credentials) throws SQLException {
        tx.add(UPSERT_CREDENTIALS, tx.accountId(), StoredRecords.credentials(credentials));
    }

    static void wipe(SqlTransaction tx) throws SQLException {
        for (String table : ALL) {
            tx.add("DELETE FROM " + table + " WHERE account_id = ?", tx.accountId());
        }
    }
}
