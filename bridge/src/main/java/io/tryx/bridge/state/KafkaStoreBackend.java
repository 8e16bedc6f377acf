package io.tryx.bridge.state;

import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.StoreException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Account state kept in Kafka, the way Kafka Streams keeps a state store: every account's entries are records of
 * the compacted state topic (keyed {@code <account>|<entry>}, tombstones for deletions, all of an account in the
 * partition of its key in the commands topic), materialized in memory and restored by reading the account's partition
 * to its end as a {@code read_committed} consumer when the account is opened. Writes commit through one
 * {@link TransactionCoordinator} per partition (group commit: many accounts' operations share a transaction), and
 * {@link #publishOnce} puts an event record into the same transactions, so an event and the state that says it was
 * published commit together. The transactional id of a partition is fixed, so an instance that opens a partition
 * fences every other one that had it; the fenced instance's stores refuse all access and its {@link StateListener}
 * hears it.
 */
public final class KafkaStoreBackend implements StoreBackend {

    /** The broker aborts a transaction open longer than this (twice the 60 s a commit may block). */
    static final int TRANSACTION_TIMEOUT_MS = 120_000;

    private final KafkaStoreSettings settings;
    private final InstantSource clock;
    private final ChangelogReader reader;
    private final List<StatePartition> partitions;
    private final Map<String, KafkaAccountStore> stores = new ConcurrentHashMap<>();
    private volatile StateListener listener = StateListener.NONE;

    private KafkaStoreBackend(KafkaStoreSettings settings, InstantSource clock, int partitionCount) {
        this.settings = settings;
        this.clock = clock;
        this.reader = new ChangelogReader(settings.clientProperties(), settings.topic(), settings.restoreTimeout());
        StateListener delegate = new StateListener() {
            @Override
            public void reloaded(java.util.Set<String> accountIds, Throwable cause) {
                listener.reloaded(accountIds, cause);
            }

            @Override
            public void fenced(java.util.Set<String> accountIds, Throwable cause) {
                listener.fenced(accountIds, cause);
            }
        };
        this.partitions = IntStream.range(0, partitionCount).mapToObj(p ->
                new StatePartition(p, settings.topic(), reader, this::coordinator, delegate)).toList();
    }

    /** Connects to the state topic (which must exist) and learns its partitions; opens no producer yet. */
    public static KafkaStoreBackend open(KafkaStoreSettings settings, InstantSource clock) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> info = consumer.partitionsFor(settings.topic(), settings.restoreTimeout());
            if (info == null || info.isEmpty()) {
                throw new StoreException("the state topic " + settings.topic() + " does not exist");
            }
            return new KafkaStoreBackend(settings, clock, info.size());
        } catch (KafkaException e) {
            throw new StoreException("cannot reach the state topic " + settings.topic() + ": " + e.getMessage(), e);
        }
    }

    /** Who hears about aborted transactions and fencing (set once at start). */
    public void listener(StateListener value) {
        this.listener = value;
    }

    private TransactionCoordinator coordinator(int partition) {
        String transactionalId = settings.transactionalIdPrefix() + "-" + partition;
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // longer than a commit may block (max.block.ms, 60 s): while the broker is away the producer keeps retrying, and
        // it must be this side that gives up first (abort, new producer, reload). Were the broker to time the
        // transaction out itself, it would bump the producer epoch and our late commit would look fenced.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        try {
            return new TransactionCoordinator(transactionalId,
                    () -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                    settings.linger(), settings.maxRecords(), partitions.get(partition)).start();
        } catch (KafkaException e) {
            throw new StoreException("cannot open the transactional producer " + transactionalId + ": " + e.getMessage(), e);
        }
    }

    /** The partition of the state topic that holds {@code accountId}. */
    public int partitionOf(String accountId) {
        return StateKeys.partition(accountId, partitions.size());
    }

    /**
     * The account's store: the same instance until a transaction of its partition fails, then a new one restored
     * from the changelog (the old one refuses all access). In a partition another instance took over, a store that
     * refuses all access.
     */
    @Override
    public AccountStore open(String accountId) {
        return store(accountId);
    }

    private KafkaAccountStore store(String accountId) {
        StateKeys.requireValid(accountId);
        return stores.compute(accountId, (id, existing) -> {
            if (existing != null && !existing.failed()) {
                return existing;
            }
            StatePartition partition = partitions.get(partitionOf(id));
            return partition.register(new KafkaAccountStore(id, partition));
        });
    }

    /**
     * Publishes {@code event} in the same transaction as a record saying so in {@code accountId}'s state, unless
     * that record exists (a redelivered message): exactly once for a {@code read_committed} consumer. Returns once
     * the transaction committed.
     *
     * @return false when the event had been published already
     * @throws StoreException when the transaction did not commit
     */
    public boolean publishOnce(String accountId, String eventId, ProducerRecord<byte[], byte[]> event) {
        return store(accountId).publishOnce(eventId, event, clock.millis());
    }

    /**
     * Whether a transaction has been in the writing for longer than {@code threshold} (the broker is away or not
     * answering): the bridge reports itself not ready meanwhile.
     */
    public boolean stalled(java.time.Duration threshold) {
        return partitions.stream().anyMatch(p -> p.stalledFor().compareTo(threshold) > 0);
    }

    /**
     * Commits {@code records} (a command's result or dead letter) with the consumer {@code offsets} of {@code group}
     * in one transaction of {@code partition} (the partition of the command's account: its state commits through the
     * same producer). The future fails when the transaction did not commit (then neither did the offsets).
     */
    public CompletableFuture<Void> commitOutputs(int partition, List<ProducerRecord<byte[], byte[]>> records,
                                                 Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        if (partition < 0 || partition >= partitions.size()) {
            return CompletableFuture.failedFuture(new StoreException("no state partition " + partition + " (the state topic has "
                    + partitions.size() + "; it needs as many partitions as the commands topic)"));
        }
        try {
            return partitions.get(partition).appendOutputs(records, offsets, group);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Takes {@code partition} over for this instance: fences whoever wrote for it before, restores the state of all
     * its accounts in one read of the changelog partition, and returns the accounts registered in it (those with
     * credentials), which this instance runs from now on.
     */
    public Set<String> takePartition(int partition) {
        return partitions.get(partition).take();
    }

    /**
     * Gives {@code partition} up: its accounts' stores refuse all access from now on and its producer is closed
     * (what was appended commits first); {@link #takePartition} takes it again.
     */
    public void releasePartition(int partition, String why) {
        partitions.get(partition).release(new StoreException("partition " + partition + " released: " + why));
    }

    /** How many partitions the state topic (and the commands topic) has. */
    public int partitionCount() {
        return partitions.size();
    }

    /** Transactions committed so far, over all partitions. */
    public long transactions() {
        return partitions.stream().mapToLong(StatePartition::transactions).sum();
    }

    @Override
    public List<String> accountIds() {
        Map<String, Boolean> found = reader.credentials(IntStream.range(0, partitions.size()).boxed().toList());
        TreeSet<String> ids = new TreeSet<>();
        found.forEach((id, present) -> {
            if (present && !stores.containsKey(id)) {
                ids.add(id);
            }
        });
        stores.values().forEach(store -> {
            try {
                if (store.load().filter(DeviceCredentials.class::isInstance).isPresent()) {
                    ids.add(store.accountId());
                }
            } catch (StoreException e) {
                // fenced or unreadable here: not ours to list
            }
        });
        return List.copyOf(ids);
    }

    /** Closes the producers (appends not yet committed fail); the stores must not be used afterwards. */
    @Override
    public void close() {
        partitions.forEach(StatePartition::close);
    }
}
