/**
 * Account state in Kafka ({@code store.url=kafka}): {@link io.tryx.bridge.state.KafkaStoreBackend} keeps every
 * account's state as a compacted changelog topic, materialized in memory and restored by reading it to its end
 * ({@code read_committed}); writes and the events that go with them commit in Kafka transactions, grouped per
 * partition by a transaction coordinator whose {@code transactional.id} fences any other instance that had the
 * partition.
 */
package io.tryx.bridge.state;
