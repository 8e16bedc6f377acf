package io.tryx.protocol.store.sql;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.LtHash;
import io.tryx.protocol.store.AppStateSyncKey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * App-state sync keys, and each collection's verified state: version and LTHash as columns, the value
 * MACs as one versioned protobuf (a collection is always read and replaced whole).
 */
final class AppStateTables {

    private static final String KEY_COLUMNS = "SELECT key_id, key_data, fingerprint, created_at FROM app_state_sync_keys";
    private static final String UPSERT_KEY = Sql.upsert("app_state_sync_keys",
            List.of("account_id", "key_id"), List.of("key_data", "fingerprint", "created_at"));
    private static final String UPSERT_COLLECTION = Sql.upsert("app_state_collections",
            List.of("account_id", "name"), List.of("version", "lt_hash", "value_macs"));

    private AppStateTables() {
    }

    static Optional<AppStateSyncKey> syncKey(Connection c, String account, byte[] keyId) throws SQLException {
        return Sql.first(c, KEY_COLUMNS + " WHERE account_id = ? AND key_id = ?", AppStateTables::key, account, keyId);
    }

    /** The newest key by timestamp (ties broken by key id, so the answer is stable). */
    static Optional<AppStateSyncKey> latestSyncKey(Connection c, String account) throws SQLException {
        return Sql.first(c, KEY_COLUMNS + " WHERE account_id = ? ORDER BY created_at DESC, key_id DESC LIMIT 1",
                AppStateTables::key, account);
    }

    static void storeSyncKey(SqlTransaction tx, AppStateSyncKey key) throws SQLException {
        tx.add(UPSERT_KEY, tx.accountId(), key.keyId(), key.keyData(), key.fingerprint(), key.timestamp());
    }

    static Optional<CollectionState> collection(Connection c, String account, String name) throws SQLException {
        return Sql.first(c, "SELECT version, lt_hash, value_macs FROM app_state_collections WHERE account_id = ? AND name = ?",
                row -> new CollectionState(name, row.getLong(1), LtHash.of(row.getBytes(2)),
                        StoredRecords.valueMacs(row.getBytes(3))), account, name);
    }

    static void storeCollection(SqlTransaction tx, CollectionState state) throws SQLException {
        tx.add(UPSERT_COLLECTION, tx.accountId(), state.name(), state.version(), state.hash().bytes(),
                StoredRecords.valueMacs(state.valueMacs()));
    }

    private static AppStateSyncKey key(ResultSet row) throws SQLException {
        return new AppStateSyncKey(row.getBytes(1), row.getBytes(2), row.getBytes(3), row.getLong(4));
    }
}
