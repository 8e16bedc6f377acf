package io.tryx.bridge.state;

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
import io.tryx.protocol.store.StoreException;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * One account's state kept in the state topic and materialized here. {@link #apply} turns the changes into
 * changelog records, hands them to the partition's {@link TransactionCoordinator} and updates the materialized state
 * at once (under the store's monitor, so the changelog order is the order of application), then waits until the
 * transaction holding them committed; other operations may read the new state meanwhile (they cannot commit anything
 * that outlives a failure of this transaction: a failed transaction fails every later append of the partition).
 * After a failed transaction (or once another instance fenced the partition) this instance refuses every access;
 * the account continues with a new instance restored from the changelog.
 */
final class KafkaAccountStore implements AccountStore {

    private final String accountId;
    private final StatePartition partition;
    private MaterializedState state;
    private long generation;
    private Throwable failure;

    KafkaAccountStore(String accountId, StatePartition partition) {
        this.accountId = accountId;
        this.partition = partition;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    int partition() {
        return partition.number();
    }

    /**
     * A transaction with this store's records did not commit, or another instance took the partition over: the
     * materialized state may hold writes that never committed, so this instance refuses every further access for
     * good. Its account gets a new instance from {@link KafkaStoreBackend#open} (restored from the changelog), and
     * a new client with it; whatever the old client still does fails here.
     */
    synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        state = null;
    }

    synchronized boolean failed() {
        return failure != null;
    }

    private MaterializedState ready() {
        if (failure != null) {
            throw new StoreException("account " + accountId + ": this copy of its state is void (" + failure.getMessage()
                    + "); the account is restarted with its state from Kafka", failure);
        }
        if (state == null) {
            long current = partition.generation();
            state = partition.restore(accountId);
            generation = current;
        }
        return state;
    }

    @Override
    public void apply(List<StateChange> changes) {
        await(applyAsync(changes));
    }

    /**
     * Applies the changes to the materialized state and queues their records at once; the future completes when
     * the transaction holding them committed (or fails with a {@link StoreException}). Lets a caller release its
     * locks before waiting for Kafka: anything that reads the new state meanwhile can only commit after it.
     */
    @Override
    public CompletableFuture<Void> applyAsync(List<StateChange> changes) {
        synchronized (this) {
            MaterializedState current = ready();
            List<StateOp> ops = ChangeTranslator.translate(current, changes);
            if (ops.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> committed = append(ops, List.of());
            current.applyAll(ops);
            return committed;
        }
    }

    /**
     * Publishes {@code event} once: with a {@link StateEntry.Published} entry for {@code eventId} in the same
     * transaction, unless that entry exists already (then nothing is sent). Returns after the transaction committed.
     *
     * @return false when the event had been published before
     */
    boolean publishOnce(String eventId, ProducerRecord<byte[], byte[]> event, long nowMillis) {
        CompletableFuture<Void> committed;
        synchronized (this) {
            MaterializedState current = ready();
            if (current.get(StateEntry.Published.key(eventId)).isPresent()) {
                return false;
            }
            StateOp op = StateOp.put(new StateEntry.Published(eventId, nowMillis));
            committed = append(List.of(op), List.of(event));
            current.apply(op);
        }
        await(committed);
        return true;
    }

    /** Queues the records; throws (and drops the state) when the partition refuses them. */
    private CompletableFuture<Void> append(List<StateOp> ops, List<ProducerRecord<byte[], byte[]>> extra) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(ops.size() + extra.size());
        for (StateOp op : ops) {
            records.add(partition.record(StateKeys.key(accountId, op.key()),
                    op.entry() == null ? null : StateEntryCodec.encode(op.entry())));
        }
        records.addAll(extra);
        CompletableFuture<Void> committed = partition.append(records, generation);
        if (committed.isCompletedExceptionally()) {
            await(committed);
        }
        return committed;
    }

    private void await(CompletableFuture<Void> committed) {
        try {
            committed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the state transaction of " + accountId, e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("state of " + accountId + " not committed: " + cause.getMessage(), cause);
        }
    }

    private synchronized <T extends StateEntry, R> Optional<R> read(String key, Class<T> kind, Function<T, R> value) {
        return ready().get(key, kind).map(value);
    }

    @Override
    public Optional<DeviceCredentials> load() {
        return read(StateEntry.Credentials.KEY, StateEntry.Credentials.class, StateEntry.Credentials::value);
    }

    @Override
    public Optional<IdentityKey> identity(SignalAddress address) {
        return read(StateEntry.Identity.key(address), StateEntry.Identity.class, StateEntry.Identity::identity);
    }

    @Override
    public Optional<PreKeyRecord> preKey(int id) {
        return read(StateEntry.PreKey.key(id), StateEntry.PreKey.class, StateEntry.PreKey::record);
    }

    @Override
    public Optional<SignedPreKeyRecord> signedPreKey(int id) {
        return read(StateEntry.SignedPreKey.key(id), StateEntry.SignedPreKey.class, StateEntry.SignedPreKey::record);
    }

    @Override
    public Optional<SessionRecord> session(SignalAddress address) {
        return read(StateEntry.Session.key(address), StateEntry.Session.class, StateEntry.Session::record);
    }

    @Override
    public Optional<SenderKeyRecord> senderKey(SenderKeyName name) {
        return read(StateEntry.SenderKey.key(name), StateEntry.SenderKey.class, StateEntry.SenderKey::record);
    }

    @Override
    public Optional<Jid> lidForPhone(Jid phoneUser) {
        return read(StateEntry.Lid.key(phoneUser), StateEntry.Lid.class, StateEntry.Lid::lidUser);
    }

    @Override
    public synchronized Optional<Jid> phoneForLid(Jid lidUser) {
        return ready().phoneForLid(lidUser);
    }

    @Override
    public Optional<DeviceList> deviceList(Jid user) {
        return read(StateEntry.Devices.key(user), StateEntry.Devices.class, StateEntry.Devices::list);
    }

    @Override
    public Optional<StoredSecret> storedSecret(MessageRef message) {
        return read(StateEntry.Secret.key(message), StateEntry.Secret.class, s -> new StoredSecret(s.secret(), s.original(), s.storedAtMillis()));
    }

    @Override
    public Optional<BufferedPlaintext> bufferedPlaintext(byte[] ciphertextHash) {
        return read(StateEntry.Buffered.key(ciphertextHash), StateEntry.Buffered.class, StateEntry.Buffered::entry);
    }

    @Override
    public Optional<SentMessage> sentMessage(Jid chat, String id) {
        return read(StateEntry.Sent.key(chat, id), StateEntry.Sent.class, StateEntry.Sent::message);
    }

    @Override
    public Optional<AppStateSyncKey> appStateSyncKey(byte[] keyId) {
        return read(StateEntry.SyncKey.key(keyId), StateEntry.SyncKey.class, StateEntry.SyncKey::value);
    }

    @Override
    public synchronized Optional<AppStateSyncKey> latestAppStateSyncKey() {
        return ready().entries().stream()
                .filter(StateEntry.SyncKey.class::isInstance).map(e -> ((StateEntry.SyncKey) e).value())
                .max(Comparator.comparingLong(AppStateSyncKey::timestamp)
                        .thenComparing(AppStateSyncKey::keyId, java.util.Arrays::compareUnsigned));
    }

    @Override
    public CollectionState collection(String name) {
        return read(StateEntry.Collection.key(name), StateEntry.Collection.class, StateEntry.Collection::state)
                .orElseGet(() -> CollectionState.initial(name));
    }

    @Override
    public Set<Jid> senderKeyRecipients(Jid group) {
        return read(StateEntry.SenderKeyRecipients.key(group), StateEntry.SenderKeyRecipients.class,
                StateEntry.SenderKeyRecipients::devices).orElse(Set.of());
    }
}
