package io.tryx.bridge.events;

import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.protocol.client.history.HistorySyncEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes the runtime's history sync events as {@code io.tryx.events.v1.HistorySyncEvent} records on the
 * history topic, keyed by the account: one {@link HistoryRecordAssembler} per chunk being processed, each part
 * sent and waited for ({@link EventPublisher#publishAndWait}), so the chunk's notification is acknowledged to
 * WhatsApp only after Kafka has every part. A chunk processed again (after a failed publish or a restart) starts
 * a fresh assembler and repeats the same parts with the same event ids. Thread-safe (chunks of different
 * accounts may run at once).
 */
final class HistoryPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryPublisher.class);

    private final EventPublisher publisher;
    private final int budget;
    private final Map<String, HistoryRecordAssembler> chunks = new ConcurrentHashMap<>();

    HistoryPublisher(EventPublisher publisher, int budget) {
        this.publisher = publisher;
        this.budget = budget;
    }

    void on(EventOrigin origin, HistorySyncEvent event) {
        String id = origin.account() + "|" + event.chunk().notificationId();
        try {
            handle(id, origin, event);
        } catch (RuntimeException e) {
            chunks.remove(id); // the chunk will be processed again from its start
            throw e;
        }
    }

    private void handle(String id, EventOrigin origin, HistorySyncEvent event) {
        switch (event) {
            case HistorySyncEvent.ChunkStarted started -> chunks.put(id, assembler(origin, started));
            case HistorySyncEvent.Messages batch -> assembler(id, origin, event).messages(batch.chat().toString(), batch.messages());
            case HistorySyncEvent.ConversationCompleted done -> assembler(id, origin, event).conversation(done.conversation());
            case HistorySyncEvent.PushNames names -> assembler(id, origin, event).pushNames(names.pushNames());
            case HistorySyncEvent.ChunkCompleted done -> {
                HistoryRecordAssembler assembler = assembler(id, origin, event);
                assembler.completed();
                chunks.remove(id);
                LOG.info("{}: history chunk {} ({} #{}) published in {} records: {} conversations, {} messages",
                        origin.account(), done.chunk().notificationId(), done.chunk().syncType(),
                        done.chunk().chunkOrder(), assembler.partsSent(), done.conversations(), done.messages());
            }
            case HistorySyncEvent.ChunkFailed failed -> {
                HistoryRecordAssembler assembler = assembler(id, origin, event);
                chunks.remove(id);
                assembler.failed(failed.reason(), failed.detail());
                LOG.warn("{}: history chunk {} ({} #{}) failed after {} records: {} {}", origin.account(),
                        failed.chunk().notificationId(), failed.chunk().syncType(), failed.chunk().chunkOrder(),
                        assembler.partsSent() - 1, failed.reason(), failed.detail());
            }
        }
    }

    private HistoryRecordAssembler assembler(String id, EventOrigin origin, HistorySyncEvent event) {
        return chunks.computeIfAbsent(id, k -> assembler(origin, event));
    }

    private HistoryRecordAssembler assembler(EventOrigin origin, HistorySyncEvent event) {
        return new HistoryRecordAssembler(origin, event.chunk(), budget, record ->
                publisher.publishAndWait(EventFamily.HISTORY, EventKeys.account(origin.account()), record));
    }
}
