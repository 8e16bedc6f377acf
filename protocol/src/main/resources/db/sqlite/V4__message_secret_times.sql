-- When each message secret's message was sent or received, so secrets can be pruned by age
-- (io.tryx.protocol.store.MessageSecretStore#pruneMessageSecrets). Rows from before count from this migration.
ALTER TABLE message_secrets ADD COLUMN stored_at INTEGER NOT NULL DEFAULT 0;
UPDATE message_secrets SET stored_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000;
CREATE INDEX message_secrets_stored_at ON message_secrets (account_id, stored_at);
