/**
 * Protocol events to the contract's Avro event records, one mapper per family, and their publication to Kafka
 * ({@link io.tryx.bridge.events.EventPublisher}, {@link io.tryx.bridge.events.AccountEventPublisher}).
 */
package io.tryx.bridge.events;
