-- Which devices hold our current sender key of a group (io.tryx.protocol.store.SenderKeyRecipientStore):
-- a group send distributes the key only to the devices not listed; rotating the key deletes the group's rows.

CREATE TABLE sender_key_recipients (
    account_id TEXT NOT NULL,
    group_jid  TEXT NOT NULL,
    device_jid TEXT NOT NULL,
    PRIMARY KEY (account_id, group_jid, device_jid)
);
