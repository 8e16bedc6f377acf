/**
 * The bridge process: {@link io.tryx.bridge.runtime.Bridge#start} wires Kafka and the registry (embedded or
 * external), the topics, the producer, the account store, the accounts and the command consumer into a
 * {@link io.tryx.bridge.app.BridgeRuntime}; {@link io.tryx.bridge.runtime.RuntimeStarter} is how the launcher
 * finds it.
 */
package io.tryx.bridge.runtime;
