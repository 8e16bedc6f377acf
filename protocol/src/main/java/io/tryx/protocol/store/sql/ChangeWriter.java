package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.StateChange;

import java.sql.SQLException;

/** Turns each kind of {@link StateChange} into the rows it writes, inside the caller's transaction. */
final class ChangeWriter {

    private ChangeWriter() {
    }

    static void write(SqlTransaction tx, StateChange change) throws SQLException {
        switch (change) {
            case StateChange.CredentialsSaved c -> AccountTables.saveCredentials(tx, c.credentials());
            case StateChange.AccountCleared c -> AccountTables.wipe(tx);
            case StateChange.IdentitySaved c -> SignalTables.saveIdentity(tx, c.address(), c.identity());
            case StateChange.PreKeyStored c -> SignalTables.storePreKey(tx, c.record());
            case StateChange.PreKeyRemoved c -> SignalTables.removePreKey(tx, c.id());
            case StateChange.SignedPreKeyStored c -> SignalTables.storeSignedPreKey(tx, c.record());
            case StateChange.SignedPreKeyRemoved c -> SignalTables.removeSignedPreKey(tx, c.id());
            case StateChange.SessionStored c -> SignalTables.storeSession(tx, c.address(), c.record());
            case StateChange.SessionDeleted c -> SignalTables.deleteSession(tx, c.address());
            case StateChange.SenderKeyStored c -> SignalTables.storeSenderKey(tx, c.name(), c.record());
            case StateChange.LidMapped c -> PeerTables.mapLid(tx, c.lidUser(), c.phoneUser());
            case StateChange.DeviceListStored c -> PeerTables.storeDeviceList(tx, c.list());
            case StateChange.MessageSecretStored c -> MessageTables.storeMessageSecret(tx, c.message(), c.secret(), c.original(),
                    c.atMillis());
            case StateChange.MessageSecretsPruned c -> MessageTables.pruneMessageSecrets(tx, c.beforeMillis());
            case StateChange.PlaintextBuffered c -> MessageTables.buffer(tx, c.entry());
            case StateChange.PlaintextHandled c -> MessageTables.markHandled(tx, c.ciphertextHash());
            case StateChange.BufferPruned c -> MessageTables.pruneBuffer(tx, c.beforeMillis());
            case StateChange.SentMessageStored c -> MessageTables.storeSentMessage(tx, c.message());
            case StateChange.SentMessagesPruned c -> MessageTables.pruneSentMessages(tx, c.beforeMillis());
            case StateChange.AppStateSyncKeyStored c -> AppStateTables.storeSyncKey(tx, c.key());
            case StateChange.CollectionStored c -> AppStateTables.storeCollection(tx, c.state());
            case StateChange.SenderKeyRecipientsAdded c -> GroupTables.addSenderKeyRecipients(tx, c.group(), c.devices());
            case StateChange.SenderKeyRecipientsForgotten c -> GroupTables.forgetSenderKeyRecipients(tx, c.group());
        }
    }
}
