package io.tryx.bridge.app;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * A running bridge: its Kafka face started, its accounts connected. The launcher ({@code ./tryx run},
 * {@code demo}) and the status page talk to it through this interface. Closing stops the accounts, the
 * Kafka clients and any embedded broker or registry it started.
 */
public interface BridgeRuntime extends AutoCloseable {

    /** Kafka bootstrap servers in use (the embedded broker's when embedded). */
    String bootstrapServers();

    /** Schema registry base URL in use. */
    String schemaRegistryUrl();

    String topicPrefix();

    /** Every account this instance runs, in a stable order. */
    List<AccountStatus> accounts();

    /** Where the bridge's metrics are recorded (the launcher exposes them for Prometheus). */
    MeterRegistry meters();

    /** True when the bridge is started and its Kafka clients are connected (readiness). */
    boolean ready();

    @Override
    void close();
}
