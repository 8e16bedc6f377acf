package io.tryx.protocol.signal.store;

import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A transaction over another {@link SignalStore}: reads see staged writes first, writes are kept in order
 * and applied to the underlying store together by {@link #commit()}, or dropped with the view. A durable
 * store would apply the same list of writes in one database transaction.
 */
public final class StagedSignalStore implements SignalStore {

    private final SignalStore base;
    private final StagedTable<SignalAddress, IdentityKey> identities = new StagedTable<>();
    private final StagedTable<Integer, PreKeyRecord> preKeys = new StagedTable<>();
    private final StagedTable<Integer, SignedPreKeyRecord> signedPreKeys = new StagedTable<>();
    private final StagedTable<SignalAddress, SessionRecord> sessions = new StagedTable<>();
    private final StagedTable<SenderKeyName, SenderKeyRecord> senderKeys = new StagedTable<>();
    private final List<Consumer<SignalStore>> writes = new ArrayList<>();

    public StagedSignalStore(SignalStore base) {
        this.base = base;
    }

    /** The number of writes waiting for {@link #commit()}. */
    public int pendingWrites() {
        return writes.size();
    }

    /** Applies the staged writes to the underlying store, in order, and clears them. */
    public void commit() {
        writes.forEach(w -> w.accept(base));
        writes.clear();
        identities.clear();
        preKeys.clear();
        signedPreKeys.clear();
        sessions.clear();
        senderKeys.clear();
    }

    @Override
    public IdentityKeyPair localIdentity() {
        return base.localIdentity();
    }

    @Override
    public int localRegistrationId() {
        return base.localRegistrationId();
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return identities.read(address, base::identity);
    }

    @Override
    public void saveIdentity(SignalAddress address, IdentityKey identity) {
        identities.put(address, identity);
        writes.add(s -> s.saveIdentity(address, identity));
    }

    @Override
    public Optional<PreKeyRecord> preKey(int id) {
        return preKeys.read(id, base::preKey);
    }

    @Override
    public void storePreKey(PreKeyRecord record) {
        preKeys.put(record.id(), record);
        writes.add(s -> s.storePreKey(record));
    }

    @Override
    public void removePreKey(int id) {
        preKeys.delete(id);
        writes.add(s -> s.removePreKey(id));
    }

    @Override
    public Optional<SignedPreKeyRecord> signedPreKey(int id) {
        return signedPreKeys.read(id, base::signedPreKey);
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        signedPreKeys.put(record.id(), record);
        writes.add(s -> s.storeSignedPreKey(record));
    }

    @Override
    public void removeSignedPreKey(int id) {
        signedPreKeys.delete(id);
        writes.add(s -> s.removeSignedPreKey(id));
    }

    @Override
    public Optional<SessionRecord> session(SignalAddress address) {
        return sessions.read(address, base::session);
    }

    @Override
    public void storeSession(SignalAddress address, SessionRecord record) {
        sessions.put(address, record);
        writes.add(s -> s.storeSession(address, record));
    }

    @Override
    public void deleteSession(SignalAddress address) {
        sessions.delete(address);
        writes.add(s -> s.deleteSession(address));
    }

    @Override
    public Optional<SenderKeyRecord> senderKey(SenderKeyName name) {
        return senderKeys.read(name, base::senderKey);
    }

    @Override
    public void storeSenderKey(SenderKeyName name, SenderKeyRecord record) {
        senderKeys.put(name, record);
        writes.add(s -> s.storeSenderKey(name, record));
    }
}
