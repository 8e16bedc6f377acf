package io.tryx.bridge.testkit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Polls a consumer until it has seen a number of records or a deadline passes. */
public final class Drain {

    private Drain() {
    }

    /** Exactly the first {@code count} records the consumer returns; fails when they do not come within {@code timeout}. */
    public static <K, V> List<ConsumerRecord<K, V>> records(Consumer<K, V> consumer, int count, Duration timeout) {
        List<ConsumerRecord<K, V>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("got " + seen.size() + " of " + count + " records within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen;
    }
}
