/**
 * History sync (runtime): the {@code HISTORY_SYNC_NOTIFICATION}s our own phone sends a newly linked device are
 * taken from messaging ({@link io.tryx.protocol.client.messaging.PeerMessageConsumer}), their blobs downloaded and
 * verified, inflated and read field by field, and reported as {@link io.tryx.protocol.client.history.HistorySyncEvent}s
 * to {@link io.tryx.protocol.client.history.HistoryListener}s in bounded batches.
 */
package io.tryx.protocol.client.history;
