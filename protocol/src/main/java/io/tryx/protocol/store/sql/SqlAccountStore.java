package io.tryx.protocol.store.sql;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.AppStateSyncKey;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.DeviceList;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.StoredSecret;
import io.tryx.protocol.store.StateChange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One account's state in a SQL database: every read is one query on the account's rows, every
 * {@link #apply} one transaction. Holds no state of its own, so any number of threads (and, on
 * PostgreSQL, processes) may use stores of the same account.
 */
final class SqlAccountStore implements AccountStore {

    private final String accountId;
    private final SqlDatabase db;

    SqlAccountStore(String accountId, SqlDatabase db) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.db = db;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public void apply(List<StateChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        db.write(accountId, tx -> {
            for (StateChange change : changes) {
                ChangeWriter.write(tx, change);
            }
        });
    }

    @Override
    public Optional<DeviceCredentials> load() {
        return db.read("credentials", c -> AccountTables.credentials(c, accountId));
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return db.read("identity", c -> SignalTables.identity(c, accountId, address));
    }

    @Override
    public Optional<PreKeyRecord> preKey(int id) {
        return db.read("prekey", c -> SignalTables.preKey(c, accountId, id));
    }

    @Override
    public Optional<SignedPreKeyRecord> signedPreKey(int id) {
        return db.read("signed prekey", c -> SignalTables.signedPreKey(c, accountId, id));
    }

    @Override
    public Optional<SessionRecord> session(SignalAddress address) {
        return db.read("session", c -> SignalTables.session(c, accountId, address));
    }

    @Override
    public Optional<SenderKeyRecord> senderKey(SenderKeyName name) {
        return db.read("sender key", c -> SignalTables.senderKey(c, accountId, name));
    }

    @Override
    public Optional<Jid> lidForPhone(Jid phoneUser) {
        return db.read("LID mapping", c -> PeerTables.lidForPhone(c, accountId, phoneUser));
    }

    @Override
    public Optional<Jid> phoneForLid(Jid lidUser) {
        return db.read("LID mapping", c -> PeerTables.phoneForLid(c, accountId, lidUser));
    }

    @Override
    public Optional<DeviceList> deviceList(Jid user) {
        return db.read("device list", c -> PeerTables.deviceList(c, accountId, user));
    }

    @Override
    public Optional<StoredSecret> storedSecret(MessageRef message) {
        return db.read("message secret", c -> MessageTables.storedSecret(c, accountId, message));
    }

    @Override
    public Optional<BufferedPlaintext> bufferedPlaintext(byte[] ciphertextHash) {
        return db.read("buffered plaintext", c -> MessageTables.buffered(c, accountId, ciphertextHash.clone()));
    }

    @Override
    public Optional<SentMessage> sentMessage(Jid chat, String id) {
        return db.read("sent message", c -> MessageTables.sentMessage(c, accountId, chat, id));
    }

    @Override
    public Optional<AppStateSyncKey> appStateSyncKey(byte[] keyId) {
        return db.read("app-state sync key", c -> AppStateTables.syncKey(c, accountId, keyId.clone()));
    }

    @Override
    public Optional<AppStateSyncKey> latestAppStateSyncKey() {
        return db.read("app-state sync key", c -> AppStateTables.latestSyncKey(c, accountId));
    }

    @Override
    public CollectionState collection(String name) {
        return db.read("app-state collection", c -> AppStateTables.collection(c, accountId, name))
                .orElseGet(() -> CollectionState.initial(name));
    }

    @Override
    public Set<Jid> senderKeyRecipients(Jid group) {
        return db.read("sender key recipients", c -> GroupTables.senderKeyRecipients(c, accountId, group));
    }
}
