package io.tryx.bridge.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.app.BridgeStarter;

/** The launcher's way in: {@link Bridge#start(BridgeConfig, MeterRegistry)}, found through {@link java.util.ServiceLoader}. */
public final class RuntimeStarter implements BridgeStarter {

    @Override
    public BridgeRuntime start(BridgeConfig config, MeterRegistry meters) {
        return Bridge.start(config, meters);
    }
}
