package io.tryx.bridge.state;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * One partition of the state topic and the accounts of this instance in it: their stores, the partition's
 * {@link TransactionCoordinator} (opened on first use, which fences any other instance that wrote for the
 * partition) and the reaction to failed transactions: every store of the partition reloads, the
 * {@link StateListener} hears which accounts were affected.
 */
final class StatePartition implements TransactionCoordinator.Listener, AutoCloseable {

    private final int number;
    private final String topic;
    private final ChangelogReader reader;
    private final IntFunction<TransactionCoordinator> coordinators;
    private final StateListener listener;
    private final Set<KafkaAccountStore> stores = ConcurrentHashMap.newKeySet();
    private TransactionCoordinator coordinator;
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

    KafkaAccountStore register(KafkaAccountStore store) {
        stores.add(store);
        return store;
    }

    private synchronized TransactionCoordinator coordinator() {
        if (closed) {
            throw new io.tryx.protocol.store.StoreException("the Kafka store is closed");
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

    /** The transactions committed so far. */
    synchronized long transactions() {
        return coordinator == null ? 0 : coordinator.transactions();
    }

    CompletableFuture<Void> append(List<ProducerRecord<byte[], byte[]>> records, long generation) {
        return coordinator().append(records, generation);
    }

    MaterializedState restore(String accountId) {
        return reader.account(number, accountId);
    }

    ProducerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        return new ProducerRecord<>(topic, number, key, value);
    }

    @Override
    public void aborted(long newGeneration, Throwable cause) {
        stores.forEach(KafkaAccountStore::markStale);
        listener.reloaded(accounts(), cause);
    }

    @Override
    public void fenced(Throwable cause) {
        stores.forEach(store -> store.markFenced(cause));
        listener.fenced(accounts(), cause);
    }

    private Set<String> accounts() {
        return stores.stream().map(KafkaAccountStore::accountId).collect(Collectors.toUnmodifiableSet());
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
