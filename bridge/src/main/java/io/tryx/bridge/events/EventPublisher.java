package io.tryx.bridge.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.topics.RecordProducer;
import io.tryx.bridge.app.TopicNames;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Publishes event records to their family's topic through the bridge's idempotent producer and counts them:
 * {@code tryx.events.published} and {@code tryx.events.failed} (tag {@code family}) and the time from send to the
 * broker's acknowledgement, {@code tryx.events.publish.latency}. {@link #publishAndWait} is what message
 * listeners use: it returns only once Kafka acknowledged the record, so the runtime acknowledges the message to
 * WhatsApp only after that (at least once; consumers deduplicate by {@code eventId}). With {@link EventTransactions}
 * (the Kafka store), {@link #publishOnceAndWait} commits the event in a Kafka transaction with the account's state
 * instead, once per event id: exactly once.
 */
public final class EventPublisher {

    /** Commits a serialized event together with the account's state, once per event id (the Kafka store). */
    @FunctionalInterface
    public interface EventTransactions {
        /**
         * Returns once the event committed, false when it had been committed before.
         *
         * @throws RuntimeException when the transaction did not commit
         */
        boolean publishOnce(String accountId, String eventId, ProducerRecord<byte[], byte[]> event);
    }

    private final RecordProducer producer;
    private volatile EventTransactions transactions;
    private final TopicNames topics;
    private final Map<EventFamily, Counter> published = new EnumMap<>(EventFamily.class);
    private final Map<EventFamily, Counter> failed = new EnumMap<>(EventFamily.class);
    private final Map<EventFamily, Timer> latency = new EnumMap<>(EventFamily.class);

    public EventPublisher(RecordProducer producer, TopicNames topics, MeterRegistry meters) {
        this.producer = producer;
        this.topics = topics;
        for (EventFamily family : EventFamily.values()) {
            published.put(family, Counter.builder("tryx.events.published").tag("family", family.token())
                    .description("events acknowledged by Kafka").register(meters));
            failed.put(family, Counter.builder("tryx.events.failed").tag("family", family.token())
                    .description("events Kafka did not acknowledge").register(meters));
            latency.put(family, Timer.builder("tryx.events.publish.latency").tag("family", family.token())
                    .description("time from send to Kafka's acknowledgement").register(meters));
        }
    }

    /** Routes {@link #publishOnceAndWait} through the account's state transactions from now on. */
    public void transactions(EventTransactions value) {
        this.transactions = value;
    }

    /**
     * Publishes {@code event} of {@code accountId} and waits: in the account's state transaction, once per
     * {@code eventId}, when {@link EventTransactions} are set; else as {@link #publishAndWait}.
     *
     * @throws EventPublishException when it was not committed or acknowledged
     */
    public void publishOnceAndWait(String accountId, String eventId, EventFamily family, String key, SpecificRecord event) {
        EventTransactions current = transactions;
        if (current == null) {
            publishAndWait(family, key, event);
            return;
        }
        long start = System.nanoTime();
        try {
            String topic = topics.events(family);
            byte[] value = producer.serialize(topic, event);
            if (current.publishOnce(accountId, eventId,
                    new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))) {
                latency.get(family).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                published.get(family).increment();
            }
        } catch (RuntimeException e) {
            failed.get(family).increment();
            throw new EventPublishException("the " + family.token() + " event was not committed: " + e.getMessage(), e);
        }
    }

    /** Sends {@code event} keyed by {@code key}; completes with the broker's acknowledgement. */
    public CompletableFuture<RecordMetadata> publish(EventFamily family, String key, SpecificRecord event) {
        long start = System.nanoTime();
        return producer.send(topics.events(family), key, event).whenComplete((metadata, error) -> {
            if (error == null) {
                latency.get(family).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                published.get(family).increment();
            } else {
                failed.get(family).increment();
            }
        });
    }

    /**
     * Sends {@code event} and blocks until Kafka acknowledged it (the producer's own delivery timeout bounds the
     * wait).
     *
     * @throws EventPublishException when it was not acknowledged
     */
    public RecordMetadata publishAndWait(EventFamily family, String key, SpecificRecord event) {
        try {
            return publish(family, key, event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EventPublishException("Kafka did not acknowledge the " + family.token() + " event: "
                    + cause.getMessage(), cause);
        }
    }
}
