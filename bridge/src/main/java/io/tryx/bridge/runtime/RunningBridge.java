package io.tryx.bridge.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.commands.CommandService;

import java.util.List;
import java.util.function.BooleanSupplier;

/** The {@link BridgeRuntime} {@link Bridge#start} returns: views of the parts and their closing, in reverse start order. */
final class RunningBridge implements BridgeRuntime {

    private final KafkaEndpoints kafka;
    private final String topicPrefix;
    private final AccountHost host;
    private final CommandService commands;
    private final MeterRegistry meters;
    private final Closer closer;
    private final BooleanSupplier storeHealthy;
    private volatile boolean closed;

    RunningBridge(KafkaEndpoints kafka, String topicPrefix, AccountHost host, CommandService commands,
                  MeterRegistry meters, Closer closer, BooleanSupplier storeHealthy) {
        this.storeHealthy = storeHealthy;
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
        this.host = host;
        this.commands = commands;
        this.meters = meters;
        this.closer = closer;
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return kafka.registryUrl();
    }

    @Override
    public String topicPrefix() {
        return topicPrefix;
    }

    @Override
    public List<AccountStatus> accounts() {
        return host.statuses();
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    @Override
    public boolean ready() {
        return !closed && commands.ready() && storeHealthy.getAsBoolean();
    }

    /** Stops commands, accounts, threads, store, producer, registry client and any embedded servers; idempotent. */
    @Override
    public void close() {
        closed = true;
        closer.close();
    }
}
