package io.tryx.protocol.store;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.signal.store.StagedTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The writes of one operation (one received message, one send), staged over an {@link AccountStore}:
 * reads see the staged writes first, {@link #commit()} applies them all in one {@link AccountStore#apply},
 * and dropping the unit of work discards them. Prunes are applied at commit only; reads inside the unit
 * do not reflect them. Not thread-safe: one operation owns it.
 */
public final class UnitOfWork implements AccountState {

    private static final HexFormat HEX = HexFormat.of();

    private final AccountStore base;
    private final List<StateChange> changes = new ArrayList<>();
    private final StagedTable<String, DeviceCredentials> credentials = new StagedTable<>();
    private final StagedTable<SignalAddress, IdentityKey> identities = new StagedTable<>();
    private final StagedTable<Integer, PreKeyRecord> preKeys = new StagedTable<>();
    private final StagedTable<Integer, SignedPreKeyRecord> signedPreKeys = new StagedTable<>();
    private final StagedTable<SignalAddress, SessionRecord> sessions = new StagedTable<>();
    private final StagedTable<SenderKeyName, SenderKeyRecord> senderKeys = new StagedTable<>();
    private final StagedTable<Jid, Jid> lidByPhone = new StagedTable<>();
    private final StagedTable<Jid, Jid> phoneByLid = new StagedTable<>();
    private final StagedTable<Jid, DeviceList> deviceLists = new StagedTable<>();
    private final StagedTable<MessageRef, StoredSecret> secrets = new StagedTable<>();
    private final StagedTable<String, BufferedPlaintext> buffer = new StagedTable<>();
    private final StagedTable<String, SentMessage> sent = new StagedTable<>();
    private final StagedTable<String, AppStateSyncKey> syncKeys = new StagedTable<>();
    private final List<AppStateSyncKey> stagedSyncKeys = new ArrayList<>();
    private final StagedTable<String, CollectionState> collections = new StagedTable<>();
    private final StagedTable<Jid, Set<Jid>> senderKeyRecipients = new StagedTable<>();
    private boolean cleared;

    UnitOfWork(AccountStore base) {
        this.base = base;
    }

    /** The changes staged so far, in order. */
    public List<StateChange> changes() {
        return List.copyOf(changes);
    }

    /** Applies every staged change atomically; the unit of work is empty afterwards and may be reused. */
    public void commit() {
        if (!changes.isEmpty()) {
            base.apply(List.copyOf(changes));
        }
        reset();
    }

    /**
     * Applies every staged change through {@link AccountStore#applyAsync}: visible at once, durable when the future
     * completes. The unit of work is empty afterwards and may be reused.
     */
    public CompletableFuture<Void> commitAsync() {
        CompletableFuture<Void> durable = changes.isEmpty() ? CompletableFuture.completedFuture(null)
                : base.applyAsync(List.copyOf(changes));
        reset();
        return durable;
    }

    private void reset() {
        changes.clear();
        Stream.of(credentials, identities, preKeys, signedPreKeys, sessions, senderKeys, lidByPhone, phoneByLid,
                deviceLists, secrets, buffer, sent, syncKeys, collections, senderKeyRecipients).forEach(StagedTable::clear);
        stagedSyncKeys.clear();
        cleared = false;
    }

    private <K, V> Optional<V> read(StagedTable<K, V> table, K key, Function<K, Optional<V>> underlying) {
        return table.read(key, cleared ? k -> Optional.empty() : underlying);
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private IllegalStateException noCredentials() {
        return new IllegalStateException("account " + base.accountId() + " has no credentials");
    }

    // credentials

    @Override
    public Optional<DeviceCredentials> load() {
        return read(credentials, "", k -> base.load());
    }

    @Override
    public void save(DeviceCredentials value) {
        credentials.put("", value);
        changes.add(new StateChange.CredentialsSaved(value));
    }

    @Override
    public void clear() {
        Stream.of(credentials, identities, preKeys, signedPreKeys, sessions, senderKeys, lidByPhone, phoneByLid,
                deviceLists, secrets, buffer, sent, syncKeys, collections, senderKeyRecipients).forEach(StagedTable::clear);
        stagedSyncKeys.clear();
        cleared = true;
        changes.add(new StateChange.AccountCleared());
    }

    // Signal

    @Override
    public IdentityKeyPair localIdentity() {
        return load().orElseThrow(this::noCredentials).identity();
    }

    @Override
    public int localRegistrationId() {
        return load().orElseThrow(this::noCredentials).registrationId();
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return read(identities, address, base::identity);
    }

    @Override
    public void saveIdentity(SignalAddress address, IdentityKey identity) {
        identities.put(address, identity);
        changes.add(new StateChange.IdentitySaved(address, identity));
    }

    @Override
    public Optional<PreKeyRecord> preKey(int id) {
        return read(preKeys, id, base::preKey);
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        preKeys.put(record.id(), record);
        changes.add(new StateChange.PreKeyStored(record));
    }

    @Override
    public void removePreKey(int id) {
        preKeys.delete(id);
        changes.add(new StateChange.PreKeyRemoved(id));
    }

    @Override
    public Optional<SignedPreKeyRecord> signedPreKey(int id) {
        return read(signedPreKeys, id, base::signedPreKey);
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        signedPreKeys.put(record.id(), record);
        changes.add(new StateChange.SignedPreKeyStored(record));
    }

    @Override
    public void removeSignedPreKey(int id) {
        signedPreKeys.delete(id);
        changes.add(new StateChange.SignedPreKeyRemoved(id));
    }

    @Override
    public Optional<SessionRecord> session(SignalAddress address) {
        return read(sessions, address, base::session);
    }

    @Override
    public void storeSession(SignalAddress address, SessionRecord record) {
        sessions.put(address, record);
        changes.add(new StateChange.SessionStored(address, record));
    }

    @Override
    public void deleteSession(SignalAddress address) {
        sessions.delete(address);
        changes.add(new StateChange.SessionDeleted(address));
    }

    @Override
    public Optional<SenderKeyRecord> senderKey(SenderKeyName name) {
        return read(senderKeys, name, base::senderKey);
    }

    @Override
    public void storeSenderKey(SenderKeyName name, SenderKeyRecord record) {
        senderKeys.put(name, record);
        changes.add(new StateChange.SenderKeyStored(name, record));
    }

    // LIDs, devices, secrets

    @Override
    public Optional<Jid> lidForPhone(Jid phoneUser) {
        return read(lidByPhone, phoneUser, base::lidForPhone);
    }

    @Override
    public Optional<Jid> phoneForLid(Jid lidUser) {
        return read(phoneByLid, lidUser, base::phoneForLid);
    }

    @Override
    public void storeLidMapping(Jid lidUser, Jid phoneUser) {
        lidForPhone(phoneUser).ifPresent(phoneByLid::delete);
        phoneForLid(lidUser).ifPresent(lidByPhone::delete);
        lidByPhone.put(phoneUser, lidUser);
        phoneByLid.put(lidUser, phoneUser);
        changes.add(new StateChange.LidMapped(lidUser, phoneUser));
    }

    @Override
    public Optional<DeviceList> deviceList(Jid user) {
        return read(deviceLists, user, base::deviceList);
    }

    @Override
    public void storeDeviceList(DeviceList list) {
        deviceLists.put(list.user(), list);
        changes.add(new StateChange.DeviceListStored(list));
    }

    @Override
    public Optional<StoredSecret> storedSecret(MessageRef message) {
        return read(secrets, message, base::storedSecret);
    }

    @Override
    public void storeMessageSecret(MessageRef message, byte[] secret, byte[] original, long atMillis) {
        secrets.put(message, new StoredSecret(secret, original, atMillis));
        changes.add(new StateChange.MessageSecretStored(message, secret, original, atMillis));
    }

    // decrypted buffer and sent messages

    @Override
    public Optional<BufferedPlaintext> bufferedPlaintext(byte[] ciphertextHash) {
        return read(buffer, hex(ciphertextHash), k -> base.bufferedPlaintext(ciphertextHash));
    }

    @Override
    public void bufferPlaintext(BufferedPlaintext entry) {
        buffer.put(hex(entry.ciphertextHash()), entry);
        changes.add(new StateChange.PlaintextBuffered(entry));
    }

    @Override
    public void markHandled(byte[] ciphertextHash) {
        bufferedPlaintext(ciphertextHash).ifPresent(e -> buffer.put(hex(ciphertextHash),
                new BufferedPlaintext(ciphertextHash, null, e.serverTimestamp(), e.bufferedAtMillis())));
        changes.add(new StateChange.PlaintextHandled(ciphertextHash));
    }

    @Override
    public void pruneMessageSecrets(long beforeMillis) {
        changes.add(new StateChange.MessageSecretsPruned(beforeMillis));
    }

    @Override
    public void pruneBuffer(long beforeMillis) {
        changes.add(new StateChange.BufferPruned(beforeMillis));
    }

    @Override
    public Optional<SentMessage> sentMessage(Jid chat, String id) {
        return read(sent, chat + "/" + id, k -> base.sentMessage(chat, id));
    }

    @Override
    public void storeSentMessage(SentMessage message) {
        sent.put(message.chat() + "/" + message.id(), message);
        changes.add(new StateChange.SentMessageStored(message));
    }

    @Override
    public void pruneSentMessages(long beforeMillis) {
        changes.add(new StateChange.SentMessagesPruned(beforeMillis));
    }

    // app state

    @Override
    public Optional<AppStateSyncKey> appStateSyncKey(byte[] keyId) {
        return read(syncKeys, hex(keyId), k -> base.appStateSyncKey(keyId));
    }

    @Override
    public Optional<AppStateSyncKey> latestAppStateSyncKey() {
        Optional<AppStateSyncKey> stored = cleared ? Optional.empty() : base.latestAppStateSyncKey();
        return Stream.concat(stored.stream(), stagedSyncKeys.stream())
                .max(Comparator.comparingLong(AppStateSyncKey::timestamp));
    }

    @Override
    public void storeAppStateSyncKey(AppStateSyncKey key) {
        syncKeys.put(hex(key.keyId()), key);
        stagedSyncKeys.add(key);
        changes.add(new StateChange.AppStateSyncKeyStored(key));
    }

    @Override
    public CollectionState collection(String name) {
        return read(collections, name, n -> Optional.of(base.collection(n))).orElseGet(() -> CollectionState.initial(name));
    }

    @Override
    public void storeCollection(CollectionState state) {
        collections.put(state.name(), state);
        changes.add(new StateChange.CollectionStored(state));
    }

    // group sender keys

    @Override
    public Set<Jid> senderKeyRecipients(Jid group) {
        return read(senderKeyRecipients, group, g -> Optional.of(base.senderKeyRecipients(g))).orElse(Set.of());
    }

    @Override
    public void addSenderKeyRecipients(Jid group, Set<Jid> devices) {
        Set<Jid> all = new HashSet<>(senderKeyRecipients(group));
        all.addAll(devices);
        senderKeyRecipients.put(group, Set.copyOf(all));
        changes.add(new StateChange.SenderKeyRecipientsAdded(group, devices));
    }

    @Override
    public void forgetSenderKeyRecipients(Jid group) {
        senderKeyRecipients.put(group, Set.of());
        changes.add(new StateChange.SenderKeyRecipientsForgotten(group));
    }
}
