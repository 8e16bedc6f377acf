package io.tryx.protocol.store.sql;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.StoredSecret;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Per-message records: message secrets, the decrypted-plaintext buffer and sent messages, each pruned by time. */
final class MessageTables {

    private static final String UPSERT_SECRET = Sql.upsert("message_secrets",
            List.of("account_id", "chat", "sender", "message_id"), List.of("secret", "original", "stored_at"));
    private static final String PRUNE_SECRETS = "DELETE FROM message_secrets WHERE account_id = ? AND stored_at < ?";
    private static final String UPSERT_BUFFERED = Sql.upsert("decrypted_buffer",
            List.of("account_id", "ciphertext_hash"), List.of("plaintext", "server_timestamp", "buffered_at"));
    private static final String MARK_HANDLED =
            "UPDATE decrypted_buffer SET plaintext = NULL WHERE account_id = ? AND ciphertext_hash = ?";
    private static final String PRUNE_BUFFER = "DELETE FROM decrypted_buffer WHERE account_id = ? AND buffered_at < ?";
    private static final String UPSERT_SENT = Sql.upsert("sent_messages",
            List.of("account_id", "chat", "message_id"), List.of("message", "sent_at"));
    private static final String PRUNE_SENT = "DELETE FROM sent_messages WHERE account_id = ? AND sent_at < ?";

    private MessageTables() {
    }

    static Optional<StoredSecret> storedSecret(Connection c, String account, MessageRef message) throws SQLException {
        return Sql.first(c, "SELECT secret, original, stored_at FROM message_secrets"
                        + " WHERE account_id = ? AND chat = ? AND sender = ? AND message_id = ?",
                row -> new StoredSecret(row.getBytes(1), row.getBytes(2), row.getLong(3)), account, message.chat().toString(),
                message.sender().toString(), message.id());
    }

    static void storeMessageSecret(SqlTransaction tx, MessageRef message, byte[] secret, byte[] original, long atMillis)
            throws SQLException {
        tx.add(UPSERT_SECRET, tx.accountId(), message.chat().toString(), message.sender().toString(), message.id(), secret,
                original.length == 0 ? null : original, atMillis);
    }

    static void pruneMessageSecrets(SqlTransaction tx, long beforeMillis) throws SQLException {
        tx.add(PRUNE_SECRETS, tx.accountId(), beforeMillis);
    }

    static Optional<BufferedPlaintext> buffered(Connection c, String account, byte[] hash) throws SQLException {
        return Sql.first(c, "SELECT plaintext, server_timestamp, buffered_at FROM decrypted_buffer"
                        + " WHERE account_id = ? AND ciphertext_hash = ?",
                row -> new BufferedPlaintext(hash, row.getBytes(1), row.getLong(2), row.getLong(3)), account, hash);
    }

    static void buffer(SqlTransaction tx, BufferedPlaintext entry) throws SQLException {
        tx.add(UPSERT_BUFFERED, tx.accountId(), entry.ciphertextHash(), entry.plaintext(), entry.serverTimestamp(),
                entry.bufferedAtMillis());
    }

    static void markHandled(SqlTransaction tx, byte[] hash) throws SQLException {
        tx.add(MARK_HANDLED, tx.accountId(), hash);
    }

    static void pruneBuffer(SqlTransaction tx, long beforeMillis) throws SQLException {
        tx.add(PRUNE_BUFFER, tx.accountId(), beforeMillis);
    }

    static Optional<SentMessage> sentMessage(Connection c, String account, Jid chat, String id) throws SQLException {
        return Sql.first(c, "SELECT message, sent_at FROM sent_messages WHERE account_id = ? AND chat = ? AND message_id = ?",
                row -> new SentMessage(chat, id, row.getBytes(1), row.getLong(2)), account, chat.toString(), id);
    }

    static void storeSentMessage(SqlTransaction tx, SentMessage message) throws SQLException {
        tx.add(UPSERT_SENT, tx.accountId(), message.chat().toString(), message.id(), message.message(),
                message.sentAtMillis());
    }

    static void pruneSentMessages(SqlTransaction tx, long beforeMillis) throws SQLException {
        tx.add(PRUNE_SENT, tx.accountId(), beforeMillis);
    }
}
