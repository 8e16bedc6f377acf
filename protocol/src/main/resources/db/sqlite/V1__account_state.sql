-- One table per record kind of an account's state (see io.tryx.protocol.store.AccountState).
-- Every primary key starts with account_id; times are epoch millis unless named otherwise.
-- Values without explicit columns are versioned protobufs (store.proto) or Signal's own record codecs.

CREATE TABLE credentials (
    account_id TEXT NOT NULL PRIMARY KEY,
    record     BLOB NOT NULL
) STRICT;

CREATE TABLE identities (
    account_id   TEXT    NOT NULL,
    address_name TEXT    NOT NULL,
    device_id    INTEGER NOT NULL,
    identity_key BLOB    NOT NULL,
    PRIMARY KEY (account_id, address_name, device_id)
) STRICT;

CREATE TABLE prekeys (
    account_id  TEXT    NOT NULL,
    prekey_id   INTEGER NOT NULL,
    public_key  BLOB    NOT NULL,
    private_key BLOB    NOT NULL,
    PRIMARY KEY (account_id, prekey_id)
) STRICT;

CREATE TABLE signed_prekeys (
    account_id  TEXT    NOT NULL,
    prekey_id   INTEGER NOT NULL,
    public_key  BLOB    NOT NULL,
    private_key BLOB    NOT NULL,
    signature   BLOB    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, prekey_id)
) STRICT;

CREATE TABLE sessions (
    account_id   TEXT    NOT NULL,
    address_name TEXT    NOT NULL,
    device_id    INTEGER NOT NULL,
    record       BLOB    NOT NULL,
    PRIMARY KEY (account_id, address_name, device_id)
) STRICT;

CREATE TABLE sender_keys (
    account_id    TEXT    NOT NULL,
    group_id      TEXT    NOT NULL,
    sender_name   TEXT    NOT NULL,
    sender_device INTEGER NOT NULL,
    record        BLOB    NOT NULL,
    PRIMARY KEY (account_id, group_id, sender_name, sender_device)
) STRICT;

CREATE TABLE lid_mappings (
    account_id TEXT NOT NULL,
    lid_user   TEXT NOT NULL,
    phone_user TEXT NOT NULL,
    PRIMARY KEY (account_id, lid_user),
    UNIQUE (account_id, phone_user)
) STRICT;

CREATE TABLE device_lists (
    account_id TEXT    NOT NULL,
    user_jid   TEXT    NOT NULL,
    device_ids TEXT    NOT NULL,
    key_index  INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, user_jid)
) STRICT;
CREATE INDEX device_lists_fetched_at ON device_lists (account_id, fetched_at);

CREATE TABLE message_secrets (
    account_id TEXT NOT NULL,
    chat       TEXT NOT NULL,
    sender     TEXT NOT NULL,
    message_id TEXT NOT NULL,
    secret     BLOB NOT NULL,
    PRIMARY KEY (account_id, chat, sender, message_id)
) STRICT;

CREATE TABLE decrypted_buffer (
    account_id       TEXT    NOT NULL,
    ciphertext_hash  BLOB    NOT NULL,
    plaintext        BLOB,
    server_timestamp INTEGER NOT NULL,
    buffered_at      INTEGER NOT NULL,
    PRIMARY KEY (account_id, ciphertext_hash)
) STRICT;
CREATE INDEX decrypted_buffer_buffered_at ON decrypted_buffer (account_id, buffered_at);

CREATE TABLE sent_messages (
    account_id TEXT    NOT NULL,
    chat       TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    message    BLOB    NOT NULL,
    sent_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, chat, message_id)
) STRICT;
CREATE INDEX sent_messages_sent_at ON sent_messages (account_id, sent_at);

CREATE TABLE app_state_sync_keys (
    account_id  TEXT    NOT NULL,
    key_id      BLOB    NOT NULL,
    key_data    BLOB    NOT NULL,
    fingerprint BLOB    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, key_id)
) STRICT;
CREATE INDEX app_state_sync_keys_created_at ON app_state_sync_keys (account_id, created_at);

CREATE TABLE app_state_collections (
    account_id TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    lt_hash    BLOB    NOT NULL,
    value_macs BLOB    NOT NULL,
    PRIMARY KEY (account_id, name)
) STRICT;
