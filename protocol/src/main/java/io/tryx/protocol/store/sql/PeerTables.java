package io.tryx.protocol.store.sql;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.DeviceList;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What we know of other users: LID to phone-number mappings and their device lists. */
final class PeerTables {

    private static final String DELETE_LID_PAIRINGS =
            "DELETE FROM lid_mappings WHERE account_id = ? AND (lid_user = ? OR phone_user = ?)";
    private static final String INSERT_LID_MAPPING =
            "INSERT INTO lid_mappings (account_id, lid_user, phone_user) VALUES (?, ?, ?)";
    private static final String UPSERT_DEVICE_LIST = Sql.upsert("device_lists",
            List.of("account_id", "user_jid"), List.of("device_ids", "key_index", "fetched_at"));

    private PeerTables() {
    }

    static Optional<Jid> lidForPhone(Connection c, String account, Jid phoneUser) throws SQLException {
        return Sql.first(c, "SELECT lid_user FROM lid_mappings WHERE account_id = ? AND phone_user = ?",
                row -> Jid.parse(row.getString(1)), account, phoneUser.toString());
    }

    static Optional<Jid> phoneForLid(Connection c, String account, Jid lidUser) throws SQLException {
        return Sql.first(c, "SELECT phone_user FROM lid_mappings WHERE account_id = ? AND lid_user = ?",
                row -> Jid.parse(row.getString(1)), account, lidUser.toString());
    }

    /** Drops older pairings of either side, then pairs the two: each user keeps at most one of each. */
    static void mapLid(SqlTransaction tx, Jid lidUser, Jid phoneUser) throws SQLException {
        tx.add(DELETE_LID_PAIRINGS, tx.accountId(), lidUser.toString(), phoneUser.toString());
        tx.add(INSERT_LID_MAPPING, tx.accountId(), lidUser.toString(), phoneUser.toString());
    }

    static Optional<DeviceList> deviceList(Connection c, String account, Jid user) throws SQLException {
        return Sql.first(c, "SELECT device_ids, key_index, fetched_at FROM device_lists WHERE account_id = ? AND user_jid = ?",
                row -> new DeviceList(user, deviceIds(row.getString(1)), row.getLong(2), row.getLong(3)),
                account, user.toString());
    }

    static void storeDeviceList(SqlTransaction tx, DeviceList list) throws SQLException {
        String ids = list.deviceIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        tx.add(UPSERT_DEVICE_LIST, tx.accountId(), list.user().toString(), ids, list.keyIndex(), list.fetchedAtMillis());
    }

    private static List<Integer> deviceIds(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }
}
