package io.tryx.bridge.app;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Starts the bridge runtime for the launcher. The launcher finds the implementation with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/io.tryx.bridge.app.BridgeStarter} entry of the
 * runtime), so the command line and the runtime only share this interface.
 *
 * <p>{@code meters} is the registry the launcher exposes at {@code /metrics} (a Prometheus registry): the runtime
 * records its meters there and returns it from {@link BridgeRuntime#meters()}.
 */
@FunctionalInterface
public interface BridgeStarter {

    /** Starts a bridge for {@code config}; it may return before {@link BridgeRuntime#ready()} turns true. */
    BridgeRuntime start(BridgeConfig config, MeterRegistry meters);
}
