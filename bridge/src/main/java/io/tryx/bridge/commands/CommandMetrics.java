package io.tryx.bridge.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The command side's meters: {@code tryx.commands.completed} (tags {@code action}, {@code outcome} = {@code ok} or
 * the error code), {@code tryx.commands.latency} (tag {@code action}; from consuming the command to Kafka's
 * acknowledgement of its result), {@code tryx.commands.repeated} (tag {@code action}; a command id answered
 * from the memo, not carried out), {@code tryx.commands.dead_letters} (tag {@code reason}) and
 * {@code tryx.kafka.errors} (tag {@code operation}).
 */
final class CommandMetrics {

    private final MeterRegistry meters;

    CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void completed(String action, String outcome, long startNanos) {
        meters.counter("tryx.commands.completed", "action", action, "outcome", outcome).increment();
        Timer.builder("tryx.commands.latency").tag("action", action).register(meters)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void repeated(String action) {
        meters.counter("tryx.commands.repeated", "action", action).increment();
    }

    void deadLettered(String reason) {
        meters.counter("tryx.commands.dead_letters", "reason", reason).increment();
    }

    void kafkaError(String operation) {
        meters.counter("tryx.kafka.errors", "operation", operation).increment();
    }
}
