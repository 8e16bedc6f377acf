package io.tryx.bridge.state;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Group commit over one transactional producer (one per state partition, so one per group of accounts). Callers
 * {@link #append} lists of records from any thread; a committer thread takes whatever was appended, waits up to
 * {@code linger} for more (or until {@code maxRecords}), and writes it all in one Kafka transaction. Each caller's
 * future completes once the transaction holding its records committed. Records of one append are never split
 * across transactions, and appends commit in the order they were made. An append may carry consumer offsets
 * with the group's metadata: they commit in the same transaction ({@code sendOffsetsToTransaction}), so the input
 * a consumer took and the records it produced for it commit together or not at all (a consumer that lost its group
 * membership cannot commit: the transaction aborts).
 *
 * <p>Failures: when a transaction does not commit, it is aborted, every pending append fails, the
 * {@link #generation()} moves on (appends made against the old one are refused, since they may rest on state that was
 * never committed) and the {@link Listener} hears {@code aborted}; the caller reloads its state from the changelog.
 * When the producer was fenced (another instance opened the same {@code transactional.id}), the coordinator stops for
 * good and the listener hears {@code fenced}.
 */
final class TransactionCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionCoordinator.class);

    /** What the owner hears about failed transactions; called on the committer thread. */
    interface Listener {
        void aborted(long newGeneration, Throwable cause);

        void fenced(Throwable cause);
    }

    /** A failed commit; {@link #fenced()} when another instance took over the transactional id. */
    static final class CommitFailedException extends RuntimeException {
        private final boolean fenced;

        CommitFailedException(String message, Throwable cause, boolean fenced) {
            super(message, cause);
            this.fenced = fenced;
        }

        boolean fenced() {
            return fenced;
        }
    }

    private record Pending(List<ProducerRecord<byte[], byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets,
                           ConsumerGroupMetadata group, CompletableFuture<Void> committed) {
    }

    private final String name;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final Duration linger;
    private final int maxRecords;
    private final Listener listener;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Thread committer;
    private Producer<byte[], byte[]> producer;
    private long generation;
    private boolean closed;
    private Throwable fencedBy;
    private volatile long transactions;
    /** {@link System#nanoTime} when the transaction now being written began; 0 between transactions. */
    private volatile long writingSince;

    TransactionCoordinator(String name, Supplier<Producer<byte[], byte[]>> producers, Duration linger, int maxRecords,
                           Listener listener) {
        this.name = name;
        this.producers = producers;
        this.linger = linger;
        this.maxRecords = maxRecords;
        this.listener = listener;
        this.committer = Thread.ofPlatform().name("tryx-txn-" + name).daemon().unstarted(this::run);
    }

    /** Opens the producer (fencing any earlier owner of the transactional id) and starts committing. */
    TransactionCoordinator start() {
        producer = producers.get();
        producer.initTransactions();
        committer.start();
        return this;
    }

    /** The current generation; it moves on when a transaction fails. */
    synchronized long generation() {
        return generation;
    }

    /**
     * How long the transaction now being written has taken so far (zero between transactions): long when the broker
     * is unreachable, since the producer keeps retrying until it is back.
     */
    Duration stalledFor() {
        long since = writingSince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    /** How many transactions committed. */
    long transactions() {
        return transactions;
    }

    /**
     * Queues {@code records} for the next transaction, if {@code expectedGeneration} is still current; the future
     * completes when they committed, or fails with {@link CommitFailedException}.
     */
    synchronized CompletableFuture<Void> append(List<ProducerRecord<byte[], byte[]>> records, long expectedGeneration) {
        return append(records, Map.of(), null, expectedGeneration);
    }

    /**
     * As {@link #append(List, long)}, and commits {@code offsets} of the consumer group {@code group} in the same
     * transaction (none when {@code group} is null).
     */
    synchronized CompletableFuture<Void> append(List<ProducerRecord<byte[], byte[]>> records,
                                                Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group,
                                                long expectedGeneration) {
        if (fencedBy != null) {
            return CompletableFuture.failedFuture(new CommitFailedException(name + " was fenced by another instance",
                    fencedBy, true));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new CommitFailedException(name + " is closed", null, false));
        }
        if (expectedGeneration != generation) {
            return CompletableFuture.failedFuture(new CommitFailedException(
                    name + ": an earlier transaction failed; the state is being reloaded", null, false));
        }
        Pending pending = new Pending(List.copyOf(records), Map.copyOf(offsets), group, new CompletableFuture<>());
        queue.add(pending);
        notifyAll();
        return pending.committed();
    }

    private void run() {
        while (true) {
            List<Pending> batch = nextBatch();
            if (batch == null) {
                return;
            }
            writingSince = System.nanoTime();
            try {
                commit(batch);
            } finally {
                writingSince = 0;
            }
        }
    }

    /** Waits for appends, then lingers for more; null once closed and drained. */
    private synchronized List<Pending> nextBatch() {
        try {
            while (queue.isEmpty() && !closed && fencedBy == null) {
                wait();
            }
            if (queue.isEmpty()) {
                return null;
            }
            long deadline = System.nanoTime() + linger.toNanos();
            while (!closed && size() < maxRecords) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        List<Pending> batch = new ArrayList<>();
        int records = 0;
        while (!queue.isEmpty() && (batch.isEmpty() || records + queue.peek().records().size() <= maxRecords)) {
            Pending next = queue.poll();
            records += next.records().size();
            batch.add(next);
        }
        return batch;
    }

    private int size() {
        return queue.stream().mapToInt(p -> p.records().size()).sum();
    }

    private void commit(List<Pending> batch) {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        try {
            producer.beginTransaction();
            for (Pending pending : batch) {
                for (ProducerRecord<byte[], byte[]> record : pending.records()) {
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            sendFailure.compareAndSet(null, error);
                        }
                    });
                }
            }
            sendOffsets(batch);
            producer.commitTransaction();
            transactions++;
            batch.forEach(p -> p.committed().complete(null));
        } catch (RuntimeException e) {
            Throwable cause = sendFailure.get() != null ? sendFailure.get() : e;
            if (isFencing(e) || isFencing(cause)) {
                fence(batch, cause);
            } else {
                abort(batch, cause);
            }
        }
    }

    /** The offsets of the batch's appends (later ones of a partition win) with the latest group metadata. */
    private void sendOffsets(List<Pending> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ConsumerGroupMetadata group = null;
        for (Pending pending : batch) {
            if (pending.group() != null) {
                offsets.putAll(pending.offsets());
                group = pending.group();
            }
        }
        if (group != null && !offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, group);
        }
    }

    private static boolean isFencing(Throwable e) {
        return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException
                || (e instanceof KafkaException && e.getCause() instanceof ProducerFencedException);
    }

    private void fence(List<Pending> batch, Throwable cause) {
        LOG.warn("{}: fenced, another instance owns these accounts now: {}", name, cause.toString());
        List<Pending> failed;
        synchronized (this) {
            fencedBy = cause;
            failed = drain(batch);
        }
        closeProducer();
        listener.fenced(cause);
        failed.forEach(p -> p.committed().completeExceptionally(
                new CommitFailedException(name + " was fenced by another instance", cause, true)));
    }

    /** Moves the generation on and tells the listener before failing the callers, so they find their state dropped. */
    private void abort(List<Pending> batch, Throwable cause) {
        LOG.warn("{}: transaction of {} append(s) failed, aborting: {}", name, batch.size(), cause.toString());
        long next;
        List<Pending> failed;
        synchronized (this) {
            next = ++generation;
            failed = drain(batch);
        }
        listener.aborted(next, cause);
        failed.forEach(p -> p.committed().completeExceptionally(
                new CommitFailedException(name + ": transaction aborted: " + cause.getMessage(), cause, false)));
        try {
            producer.abortTransaction();
            if (isFatal(cause)) {
                reopenProducer();
            }
        } catch (RuntimeException e) {
            if (isFencing(e)) {
                fence(List.of(), e);
                return;
            }
            LOG.warn("{}: abort failed ({}), opening a new producer", name, e.toString());
            reopenProducer();
        }
    }

    private static boolean isFatal(Throwable cause) {
        return cause instanceof OutOfOrderSequenceException || cause instanceof AuthorizationException
                || cause instanceof UnsupportedVersionException;
    }

    private void reopenProducer() {
        closeProducer();
        while (true) {
            try {
                producer = producers.get();
                producer.initTransactions();
                return;
            } catch (RuntimeException e) {
                if (isFencing(e)) {
                    fence(List.of(), e);
                    return;
                }
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                }
                LOG.warn("{}: cannot open the transactional producer yet: {}", name, e.toString());
                closeProducer();
            }
        }
    }

    private List<Pending> drain(List<Pending> batch) {
        List<Pending> all = new ArrayList<>(batch);
        all.addAll(queue);
        queue.clear();
        return all;
    }

    private void closeProducer() {
        Producer<byte[], byte[]> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("{}: closing the producer: {}", name, e.toString());
            }
        }
    }

    /** Commits what was appended, then stops the committer and closes the producer. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        try {
            committer.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left;
        synchronized (this) {
            left = drain(List.of());
        }
        left.forEach(p -> p.committed().completeExceptionally(new CommitFailedException(name + " is closed", null, false)));
        closeProducer();
    }
}
