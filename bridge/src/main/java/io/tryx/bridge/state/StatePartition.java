package io.tryx.bridge.state;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * One partition of the state topic and the accounts of this instance in it: their stores, the partition's
 * {@link TransactionCoordinator} (opened on first use, which fences any other instance that wrote for the
 * partition) and the reaction to failed transactions: every store of the partition is voided (the accounts go on
 * with new stores restored from the changelog) and the {@link StateListener} hears which accounts were affected.
 */
final class StatePartition implements TransactionCoordinator.Listener, AutoCloseable {

    private final int number;
    private final String topic;
    private final ChangelogReader reader;
    private final IntFunction<TransactionCoordinator> coordinators;
    private final StateListener listener;
    private final Set<KafkaAccountStore> stores = ConcurrentHashMap.newKeySet();
    private final Map<String, MaterializedState> preloaded = new ConcurrentHashMap<>();
    private volatile TransactionCoordinator coordinator;
    private Throwable fencedBy;
    private boolean closed;

    StatePartition(int number, String topic, ChangelogReader reader, IntFunction<TransactionCoordinator> coordinators,
                   StateListener listener) {
        this.number = number;
        this.topic = topic;
        this.reader = reader;
        this.coordinators = coordinators;
        this.listener = listener;
    }

    int number() {
        return number;
    }

    /** Tracks a new store of the partition; in a fenced partition it is void from the start. */
    KafkaAccountStore register(KafkaAccountStore store) {
        Throwable fencing;
        synchronized (this) {
            fencing = fencedBy;
        }
        if (fencing != null) {
            store.fail(fencing);
        } else {
            stores.add(store);
        }
        return store;
    }

    private synchronized TransactionCoordinator coordinator() {
        if (closed) {
            throw new io.tryx.protocol.store.StoreException("partition " + number
                    + " of the Kafka store is closed here (the store was closed, or another instance owns it now)");
        }
        if (coordinator == null) {
            coordinator = coordinators.apply(number);
        }
        return coordinator;
    }

    /** Opens the coordinator if needed (fencing earlier owners) and returns its generation. */
    long generation() {
        return coordinator().generation();
    }

    /** How long the transaction being written has taken so far; zero when none is (never waits for the lock). */
    java.time.Duration stalledFor() {
        TransactionCoordinator current = coordinator;
        return current == null ? java.time.Duration.ZERO : current.stalledFor();
    }

    /** The transactions committed so far. */
    synchronized long transactions() {
        return coordinator == null ? 0 : coordinator.transactions();
    }

    CompletableFuture<Void> append(List<ProducerRecord<byte[], byte[]>> records, long generation) {
        return coordinator().append(records, generation);
    }

    /** Queues output records and consumer offsets for one transaction of this partition (see {@link TransactionCoordinator}). */
    CompletableFuture<Void> appendOutputs(List<ProducerRecord<byte[], byte[]>> records,
                                          Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        TransactionCoordinator current = coordinator();
        return current.append(records, offsets, group, current.generation());
    }

    /** The account's state: from the last {@link #take} if not handed out since, else read from the changelog. */
    MaterializedState restore(String accountId) {
        MaterializedState taken = preloaded.remove(accountId);
        return taken != null ? taken : reader.account(number, accountId);
    }

    /**
     * Takes the partition over for this instance (after an earlier {@link #release} or fencing too): opens its
     * coordinator, which fences every other instance's and aborts their open transaction, then restores the state of
     * all its accounts in one read of the partition. Returns the accounts that have credentials (the account registry).
     */
    Set<String> take() {
        TransactionCoordinator stale;
        synchronized (this) {
            stale = fencedBy != null || closed ? coordinator : null;
            if (stale != null || closed) {
                coordinator = null;
            }
            fencedBy = null;
            closed = false;
        }
        if (stale != null) {
            stale.close();
        }
        generation();
        Map<String, MaterializedState> states = reader.partition(number);
        preloaded.clear();
        preloaded.putAll(states);
        Set<String> registered = new TreeSet<>();
        states.forEach((id, state) -> {
            if (state.get(StateEntry.Credentials.KEY).isPresent()) {
                registered.add(id);
            }
        });
        return Set.copyOf(registered);
    }

    /**
     * Gives the partition up (another instance owns it now): voids its stores, commits what was appended and closes
     * its producer; until the next {@link #take}, nothing is written for it here.
     */
    void release(Throwable cause) {
        failAll(cause);
        preloaded.clear();
        TransactionCoordinator open;
        synchronized (this) {
            closed = true;
            open = coordinator;
            coordinator = null;
        }
        if (open != null) {
            open.close();
        }
    }

    ProducerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        return new ProducerRecord<>(topic, number, key, value);
    }

    /** Whether another instance took this partition over. */
    synchronized boolean fenced() {
        return fencedBy != null;
    }

    @Override
    public void aborted(long newGeneration, Throwable cause) {
        preloaded.clear();
        listener.reloaded(failAll(cause), cause);
    }

    @Override
    public void fenced(Throwable cause) {
        synchronized (this) {
            fencedBy = cause;
        }
        listener.fenced(failAll(cause), cause);
    }

    /** Voids every live store of the partition (they may hold uncommitted writes); returns their accounts. */
    private Set<String> failAll(Throwable cause) {
        Set<String> accounts = new java.util.HashSet<>();
        for (KafkaAccountStore store : stores) {
            store.fail(cause);
            stores.remove(store);
            accounts.add(store.accountId());
        }
        return Set.copyOf(accounts);
    }

    @Override
    public void close() {
        TransactionCoordinator open;
        synchronized (this) {
            closed = true;
            open = coordinator;
        }
        if (open != null) {
            open.close();
        }
    }
}
