-- The original message kept beside a message secret when its modifications can only be read with it (a poll's
-- options, which votes name by their SHA-256): io.tryx.protocol.store.MessageSecretStore. NULL when not kept.
ALTER TABLE message_secrets ADD COLUMN original BLOB;
