package io.tryx.protocol.store;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link AccountStore} in hash maps: for tests, tools, and callers that keep state elsewhere (the
 * bridge's Kafka changelog materializes into one). Every method holds the store's monitor, so a list of
 * changes is applied atomically with respect to readers.
 */
public final class InMemoryAccountStore implements AccountStore {

    private static final HexFormat HEX = HexFormat.of();

    private final String accountId;
    private DeviceCredentials credentials;
    private final Map<SignalAddress, IdentityKey> identities = new HashMap<>();
    private final Map<Integer, PreKeyRecord> preKeys = new HashMap<>();
    private final Map<Integer, SignedPreKeyRecord> signedPreKeys = new HashMap<>();
    private final Map<SignalAddress, SessionRecord> sessions = new HashMap<>();
    private final Map<SenderKeyName, SenderKeyRecord> senderKeys = new HashMap<>();
    private final Map<Jid, Jid> lidByPhone = new HashMap<>();
    private final Map<Jid, Jid> phoneByLid = new HashMap<>();
    private final Map<Jid, DeviceList> deviceLists = new HashMap<>();
    private final Map<MessageRef, StoredSecret> secrets = new HashMap<>();
    private final Map<String, BufferedPlaintext> buffer = new HashMap<>();
    private final Map<String, SentMessage> sent = new HashMap<>();
    private final Map<String, AppStateSyncKey> syncKeys = new HashMap<>();
    private final Map<String, CollectionState> collections = new HashMap<>();
    private final Map<Jid, Set<Jid>> senderKeyRecipients = new HashMap<>();

    public InMemoryAccountStore(String accountId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public synchronized void apply(List<StateChange> changes) {
        changes.forEach(this::applyOne);
    }

    private void applyOne(StateChange change) {
        switch (change) {
            case StateChange.CredentialsSaved c -> credentials = c.credentials();
            case StateChange.AccountCleared c -> wipe();
            case StateChange.IdentitySaved c -> identities.put(c.address(), c.identity());
            case StateChange.PreKeyStored c -> preKeys.put(c.record().id(), c.record());
            case StateChange.PreKeyRemoved c -> preKeys.remove(c.id());
            case StateChange.SignedPreKeyStored c -> signedPreKeys.put(c.record().id(), c.record());
            case StateChange.SignedPreKeyRemoved c -> signedPreKeys.remove(c.id());
            case StateChange.SessionStored c -> sessions.put(c.address(), c.record());
            case StateChange.SessionDeleted c -> sessions.remove(c.address());
            case StateChange.SenderKeyStored c -> senderKeys.put(c.name(), c.record());
            case StateChange.LidMapped c -> {
                Jid oldLid = lidByPhone.remove(c.phoneUser());
                if (oldLid != null) {
                    phoneByLid.remove(oldLid);
                }
                Jid oldPhone = phoneByLid.remove(c.lidUser());
                if (oldPhone != null) {
                    lidByPhone.remove(oldPhone);
                }
                lidByPhone.put(c.phoneUser(), c.lidUser());
                phoneByLid.put(c.lidUser(), c.phoneUser());
            }
            case StateChange.DeviceListStored c -> deviceLists.put(c.list().user(), c.list());
            case StateChange.MessageSecretStored c -> secrets.put(c.message(), new StoredSecret(c.secret(), c.original(), c.atMillis()));
            case StateChange.MessageSecretsPruned c -> secrets.values().removeIf(s -> s.storedAtMillis() < c.beforeMillis());
            case StateChange.PlaintextBuffered c -> buffer.put(HEX.formatHex(c.entry().ciphertextHash()), c.entry());
            case StateChange.PlaintextHandled c -> buffer.computeIfPresent(HEX.formatHex(c.ciphertextHash()),
                    (k, e) -> new BufferedPlaintext(e.ciphertextHash(), null, e.serverTimestamp(), e.bufferedAtMillis()));
            case StateChange.BufferPruned c -> buffer.values().removeIf(e -> e.bufferedAtMillis() < c.beforeMillis());
            case StateChange.SentMessageStored c -> sent.put(sentKey(c.message().chat(), c.message().id()), c.message());
            case StateChange.SentMessagesPruned c -> sent.values().removeIf(m -> m.sentAtMillis() < c.beforeMillis());
            case StateChange.AppStateSyncKeyStored c -> syncKeys.put(HEX.formatHex(c.key().keyId()), c.key());
            case StateChange.CollectionStored c -> collections.put(c.state().name(), c.state());
            case StateChange.SenderKeyRecipientsAdded c ->
                    senderKeyRecipients.computeIfAbsent(c.group(), g -> new HashSet<>()).addAll(c.devices());
            case StateChange.SenderKeyRecipientsForgotten c -> senderKeyRecipients.remove(c.group());
        }
    }

    private void wipe() {
        credentials = null;
        List.of(identities, preKeys, signedPreKeys, sessions, senderKeys, lidByPhone, phoneByLid, deviceLists,
                secrets, buffer, sent, syncKeys, collections, senderKeyRecipients).forEach(Map::clear);
    }

    private static String sentKey(Jid chat, String id) {
        return chat + "/" + id;
    }

    @Override
    public synchronized Optional<DeviceCredentials> load() {
        return Optional.ofNullable(credentials);
    }

    @Override
    public synchronized Optional<IdentityKey> identity(SignalAddress address) {
        return Optional.ofNullable(identities.get(address));
    }

    @Override
    public synchronized Optional<PreKeyRecord> preKey(int id) {
        return Optional.ofNullable(preKeys.get(id));
    }

    @Override
    public synchronized Optional<SignedPreKeyRecord> signedPreKey(int id) {
        return Optional.ofNullable(signedPreKeys.get(id));
    }

    @Override
    public synchronized Optional<SessionRecord> session(SignalAddress address) {
        return Optional.ofNullable(sessions.get(address));
    }

    @Override
    public synchronized Optional<SenderKeyRecord> senderKey(SenderKeyName name) {
        return Optional.ofNullable(senderKeys.get(name));
    }

    @Override
    public synchronized Optional<Jid> lidForPhone(Jid phoneUser) {
        return Optional.ofNullable(lidByPhone.get(phoneUser));
    }

    @Override
    public synchronized Optional<Jid> phoneForLid(Jid lidUser) {
        return Optional.ofNullable(phoneByLid.get(lidUser));
    }

    @Override
    public synchronized Optional<DeviceList> deviceList(Jid user) {
        return Optional.ofNullable(deviceLists.get(user));
    }

    @Override
    public synchronized Optional<StoredSecret> storedSecret(MessageRef message) {
        return Optional.ofNullable(secrets.get(message));
    }

    @Override
    public synchronized Optional<BufferedPlaintext> bufferedPlaintext(byte[] ciphertextHash) {
        return Optional.ofNullable(buffer.get(HEX.formatHex(ciphertextHash)));
    }

    @Override
    public synchronized Optional<SentMessage> sentMessage(Jid chat, String id) {
        return Optional.ofNullable(sent.get(sentKey(chat, id)));
    }

    @Override
    public synchronized Optional<AppStateSyncKey> appStateSyncKey(byte[] keyId) {
        return Optional.ofNullable(syncKeys.get(HEX.formatHex(keyId)));
    }

    @Override
    public synchronized Optional<AppStateSyncKey> latestAppStateSyncKey() {
        return syncKeys.values().stream().max(Comparator.comparingLong(AppStateSyncKey::timestamp));
    }

    @Override
    public synchronized CollectionState collection(String name) {
        return collections.getOrDefault(name, CollectionState.initial(name));
    }

    @Override
    public synchronized Set<Jid> senderKeyRecipients(Jid group) {
        return Set.copyOf(senderKeyRecipients.getOrDefault(group, Set.of()));
    }
}
