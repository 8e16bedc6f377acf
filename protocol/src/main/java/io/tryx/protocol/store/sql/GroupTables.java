package io.tryx.protocol.store.sql;

import io.tryx.protocol.jid.Jid;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** Group records: which devices hold our current sender key of each group (one row per group and device). */
final class GroupTables {

    private static final String INSERT_RECIPIENT = "INSERT INTO sender_key_recipients (account_id, group_jid, device_jid)"
            + " VALUES (?, ?, ?) ON CONFLICT (account_id, group_jid, device_jid) DO NOTHING";
    private static final String DELETE_RECIPIENTS =
            "DELETE FROM sender_key_recipients WHERE account_id = ? AND group_jid = ?";

    private GroupTables() {
    }

    static Set<Jid> senderKeyRecipients(Connection c, String account, Jid group) throws SQLException {
        return Set.copyOf(Sql.all(c,
                "SELECT device_jid FROM sender_key_recipients WHERE account_id = ? AND group_jid = ?",
                row -> Jid.parse(row.getString(1)), account, group.toString()));
    }

    static void addSenderKeyRecipients(SqlTransaction tx, Jid group, Set<Jid> devices) throws SQLException {
        for (Jid device : devices) {
            tx.add(INSERT_RECIPIENT, tx.accountId(), group.toString(), device.toString());
        }
    }

    static void forgetSenderKeyRecipients(SqlTransaction tx, Jid group) throws SQLException {
        tx.add(DELETE_RECIPIENTS, tx.accountId(), group.toString());
    }
}
