/**
 * The bridge process: {@link io.tryx.bridge.runtime.Bridge#start} wires Kafka and the registry (embedded or
 * external), the topics, the producer, the account store, the accounts and the command consumer into a
 * {@link io.tryx.bridge.app.BridgeRuntime}; {@link io.tryx.bridge.runtime.Demo} is the demo script against the
 * simulator.
 */
package io.tryx.bridge.runtime;
