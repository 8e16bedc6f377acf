package io.tryx.protocol.client.history;

import io.tryx.protocol.jid.Jid;

import java.util.List;
import java.util.Objects;

/**
 * What processing one history chunk reports, in this order: {@link ChunkStarted}; for each conversation its
 * {@link Messages} in batches of a bounded size (in the order the phone wrote them, newest first), then
 * {@link ConversationCompleted} with its metadata; {@link PushNames} in batches; finally {@link ChunkCompleted} or,
 * when the blob could not be fetched, verified or read, {@link ChunkFailed}. Every event has an {@link #id()} that
 * is the same when the chunk is processed again (after a crash or a redelivery), so consumers can deduplicate.
 */
public sealed interface HistorySyncEvent {

    /** The chunk the event belongs to. */
    HistoryChunk chunk();

    /** A stable id: the notification's id, the kind and the event's position in the chunk. */
    String id();

    /** Processing of a chunk begins. */
    record ChunkStarted(HistoryChunk chunk) implements HistorySyncEvent {
        public ChunkStarted {
            Objects.requireNonNull(chunk, "chunk");
        }

        @Override
        public String id() {
            return chunk.notificationId() + "/started";
        }
    }

    /** Up to a batch of one conversation's messages; {@code batch} counts from 0 within the conversation. */
    record Messages(HistoryChunk chunk, Jid chat, int batch, List<HistoryMessage> messages) implements HistorySyncEvent {
        public Messages {
            Objects.requireNonNull(chunk, "chunk");
            Objects.requireNonNull(chat, "chat");
            messages = List.copyOf(messages);
        }

        @Override
        public String id() {
            return chunk.notificationId() + "/messages/" + chat + "/" + batch;
        }
    }

    /** A conversation was read whole: its metadata and how many messages it had. */
    record ConversationCompleted(HistoryChunk chunk, HistoryConversation conversation) implements HistorySyncEvent {
        public ConversationCompleted {
            Objects.requireNonNull(chunk, "chunk");
            Objects.requireNonNull(conversation, "conversation");
        }

        @Override
        public String id() {
            return chunk.notificationId() + "/conversation/" + conversation.chat();
        }
    }

    /** Up to a batch of push names; {@code batch} counts from 0 within the chunk. */
    record PushNames(HistoryChunk chunk, int batch, List<PushName> pushNames) implements HistorySyncEvent {
        public PushNames {
            Objects.requireNonNull(chunk, "chunk");
            pushNames = List.copyOf(pushNames);
        }

        @Override
        public String id() {
            return chunk.notificationId() + "/push-names/" + batch;
        }
    }

    /**
     * The chunk was read to its end: how many conversations, messages and push names it held, and how many
     * messages were skipped as unreadable (no id, an invalid JID).
     */
    record ChunkCompleted(HistoryChunk chunk, int conversations, long messages, int pushNames, long skipped)
            implements HistorySyncEvent {
        public ChunkCompleted {
            Objects.requireNonNull(chunk, "chunk");
        }

        @Override
        public String id() {
            return chunk.notificationId() + "/completed";
        }
    }

    /**
     * The chunk could not be processed; events reported before the failure stand (a blob is verified before any
     * of its content is reported, so those can only come from a blob that failed while being read).
     */
    record ChunkFailed(HistoryChunk chunk, HistoryFailure reason, String detail) implements HistorySyncEvent {
        public ChunkFailed {
            Objects.requireNonNull(chunk, "chunk");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String id() {
            return chunk.notificationId() + "/failed";
        }
    }
}
