package io.tryx.protocol.store.sql;

import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Signal state: peer identities (33-byte serialized keys), one-time and signed prekeys (raw key pairs),
 * sessions and sender keys (their own versioned record codecs).
 */
final class SignalTables {

    private static final String UPSERT_IDENTITY = Sql.upsert("identities",
            List.of("account_id", "address_name", "device_id"), List.of("identity_key"));
    private static final String UPSERT_PREKEY = Sql.upsert("prekeys",
            List.of("account_id", "prekey_id"), List.of("public_key", "private_key"));
    private static final String DELETE_PREKEY = "DELETE FROM prekeys WHERE account_id = ? AND prekey_id = ?";
    private static final String UPSERT_SIGNED_PREKEY = Sql.upsert("signed_prekeys",
            List.of("account_id", "prekey_id"), List.of("public_key", "private_key", "signature", "created_at"));
    private static final String DELETE_SIGNED_PREKEY = "DELETE FROM signed_prekeys WHERE account_id = ? AND prekey_id = ?";
    private static final String UPSERT_SESSION = Sql.upsert("sessions",
            List.of("account_id", "address_name", "device_id"), List.of("record"));
    private static final String DELETE_SESSION =
            "DELETE FROM sessions WHERE account_id = ? AND address_name = ? AND device_id = ?";
    private static final String UPSERT_SENDER_KEY = Sql.upsert("sender_keys",
            List.of("account_id", "group_id", "sender_name", "sender_device"), List.of("record"));

    private SignalTables() {
    }

    static Optional<IdentityKey> identity(Connection c, String account, SignalAddress address) throws SQLException {
        return Sql.first(c, "SELECT identity_key FROM identities WHERE account_id = ? AND address_name = ? AND device_id = ?",
                row -> IdentityKey.parse(row.getBytes(1)), account, address.name(), address.deviceId());
    }

    static void saveIdentity(SqlTransaction tx, SignalAddress address, IdentityKey identity) throws SQLException {
        tx.add(UPSERT_IDENTITY, tx.accountId(), address.name(), address.deviceId(), identity.serialize());
    }

    static Optional<PreKeyRecord> preKey(Connection c, String account, int id) throws SQLException {
        return Sql.first(c, "SELECT public_key, private_key FROM prekeys WHERE account_id = ? AND prekey_id = ?",
                row -> new PreKeyRecord(id, new KeyPair(row.getBytes(1), row.getBytes(2))), account, id);
    }

    static void storePreKey(SqlTransaction tx, PreKeyRecord record) throws SQLException {
        KeyPair pair = record.keyPair();
        tx.add(UPSERT_PREKEY, tx.accountId(), record.id(), pair.publicKey(), pair.privateKey());
    }

    static void removePreKey(SqlTransaction tx, int id) throws SQLException {
        tx.add(DELETE_PREKEY, tx.accountId(), id);
    }

    static Optional<SignedPreKeyRecord> signedPreKey(Connection c, String account, int id) throws SQLException {
        return Sql.first(c, "SELECT public_key, private_key, signature, created_at FROM signed_prekeys"
                        + " WHERE account_id = ? AND prekey_id = ?",
                row -> new SignedPreKeyRecord(id, new KeyPair(row.getBytes(1), row.getBytes(2)), row.getBytes(3),
                        row.getLong(4)), account, id);
    }

    static void storeSignedPreKey(SqlTransaction tx, SignedPreKeyRecord record) throws SQLException {
        KeyPair pair = record.keyPair();
        tx.add(UPSERT_SIGNED_PREKEY, tx.accountId(), record.id(), pair.publicKey(), pair.privateKey(),
                record.signature(), record.timestampMillis());
    }

    static void removeSignedPreKey(SqlTransaction tx, int id) throws SQLException {
        tx.add(DELETE_SIGNED_PREKEY, tx.accountId(), id);
    }

    static Optional<SessionRecord> session(Connection c, String account, SignalAddress address) throws SQLException {
        return Sql.first(c, "SELECT record FROM sessions WHERE account_id = ? AND address_name = ? AND device_id = ?",
                row -> SessionRecord.deserialize(row.getBytes(1)), account, address.name(), address.deviceId());
    }

    static void storeSession(SqlTransaction tx, SignalAddress address, SessionRecord record) throws SQLException {
        tx.add(UPSERT_SESSION, tx.accountId(), address.name(), address.deviceId(), record.serialize());
    }

    static void deleteSession(SqlTransaction tx, SignalAddress address) throws SQLException {
        tx.add(DELETE_SESSION, tx.accountId(), address.name(), address.deviceId());
    }

    static Optional<SenderKeyRecord> senderKey(Connection c, String account, SenderKeyName name) throws SQLException {
        return Sql.first(c, "SELECT record FROM sender_keys"
                        + " WHERE account_id = ? AND group_id = ? AND sender_name = ? AND sender_device = ?",
                row -> SenderKeyRecord.deserialize(row.getBytes(1)),
                account, name.groupId(), name.sender().name(), name.sender().deviceId());
    }

    static void storeSenderKey(SqlTransaction tx, SenderKeyName name, SenderKeyRecord record) throws SQLException {
        tx.add(UPSERT_SENDER_KEY, tx.accountId(), name.groupId(), name.sender().name(), name.sender().deviceId(),
                record.serialize());
    }
}
