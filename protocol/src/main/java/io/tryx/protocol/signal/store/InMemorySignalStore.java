package io.tryx.protocol.signal.store;

import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link SignalStore} in hash maps, for tests, tools and callers that persist elsewhere. Not thread-safe. */
public final class InMemorySignalStore implements SignalStore {

    private final IdentityKeyPair identity;
    private final int registrationId;
    private final Map<SignalAddress, IdentityKey> identities = new HashMap<>();
    private final Map<Integer, PreKeyRecord> preKeys = new HashMap<>();
    private final Map<Integer, SignedPreKeyRecord> signedPreKeys = new HashMap<>();
    private final Map<SignalAddress, SessionRecord> sessions = new HashMap<>();
    private final Map<SenderKeyName, SenderKeyRecord> senderKeys = new HashMap<>();

    public InMemorySignalStore(IdentityKeyPair identity, int registrationId) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.registrationId = registrationId;
    }

    /** A transactional view over this store: writes stay staged until {@link StagedSignalStore#commit()}. */
    public StagedSignalStore begin() {
        return new StagedSignalStore(this);
    }

    @Override
    public IdentityKeyPair localIdentity() {
        return identity;
    }

    @Override
    public int localRegistrationId() {
        return registrationId;
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return Optional.ofNullable(identities.get(address));
    }

    @Override
    public void saveIdentity(SignalAddress address, IdentityKey key) {
        identities.put(address, Objects.requireNonNull(key, "identity"));
    }

    @Override
    public Optional<PreKeyRecord> preKey(int id) {
        return Optional.ofNullable(preKeys.get(id));
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        preKeys.put(record.id(), record);
    }

    @Override
    public void removePreKey(int id) {
        preKeys.remove(id);
    }

    @Override
    public Optional<SignedPreKeyRecord> signedPreKey(int id) {
        return Optional.ofNullable(signedPreKeys.get(id));
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        signedPreKeys.put(record.id(), record);
    }

    @Override
    public void removeSignedPreKey(int id) {
        signedPreKeys.remove(id);
    }

    @Override
    public Optional<SessionRecord> session(SignalAddress address) {
        return Optional.ofNullable(sessions.get(address));
    }

    @Override
    public void storeSession(SignalAddress address, SessionRecord record) {
        sessions.put(address, Objects.requireNonNull(record, "record"));
    }

    @Override
    public void deleteSession(SignalAddress address) {
        sessions.remove(address);
    }

    @Override
    public Optional<SenderKeyRecord> senderKey(SenderKeyName name) {
        return Optional.ofNullable(senderKeys.get(name));
    }

    @Override
    public void storeSenderKey(SenderKeyName name, SenderKeyRecord record) {
        senderKeys.put(name, Objects.requireNonNull(record, "record"));
    }
}
