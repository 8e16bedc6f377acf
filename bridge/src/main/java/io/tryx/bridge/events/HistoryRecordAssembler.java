package io.tryx.bridge.events;

import io.tryx.events.v1.HistoryConversation;
import io.tryx.events.v1.HistoryPushName;
import io.tryx.events.v1.HistorySyncEvent;
import io.tryx.events.v1.HistorySyncFailure;
import io.tryx.events.v1.HistorySyncType;
import io.tryx.events.v1.MessageEvent;
import io.tryx.protocol.client.history.HistoryChunk;
import io.tryx.protocol.client.history.HistoryMessage;
import io.tryx.protocol.client.messaging.MessageEvent.MessageReceived;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the runtime's events of ONE history chunk into {@link HistorySyncEvent} records ("parts") that stay well
 * under Kafka's 1 MiB default: messages (mapped exactly as live {@link MessageEvent}s) and push names accumulate
 * into the current part until their encoded size passes {@code budget} bytes, then the part goes out and the next
 * begins; a conversation longer than that continues in the next part under the same chat. The phone writes a
 * conversation's metadata after its messages, so name, flags and timer are on the slice in the part that holds
 * its last messages. The chunk's completion sends the last part, the only one whose {@code parts} is set (to
 * {@code part + 1}); earlier parts carry {@code parts = 0} (not known while streaming). Parts are numbered from 0 in
 * the order the chunk is read, so processing the chunk again yields the same event ids. Not thread-safe (one chunk
 * is processed by one thread).
 */
final class HistoryRecordAssembler {

    /** What a part may hold in encoded messages before it is sent; far below Kafka's 1 MiB. */
    static final int DEFAULT_BUDGET = 256 * 1024;

    private final EventOrigin origin;
    private final HistoryChunk chunk;
    private final int budget;
    private final Consumer<HistorySyncEvent> publish;
    private final MessageEventMapper messages = new MessageEventMapper();
    private final SpecificDatumWriter<MessageEvent> writer = new SpecificDatumWriter<>(MessageEvent.class);
    private final Counting counting = new Counting();
    private BinaryEncoder encoder;

    private final List<HistoryConversation> conversations = new ArrayList<>();
    private final List<HistoryPushName> pushNames = new ArrayList<>();
    private HistorySyncFailure failure;
    private String failureDetail;
    private HistoryConversation.Builder open;
    private List<MessageEvent> openMessages = new ArrayList<>();
    private long bytes;
    private int part;

    HistoryRecordAssembler(EventOrigin origin, HistoryChunk chunk, int budget, Consumer<HistorySyncEvent> publish) {
        this.origin = origin;
        this.chunk = chunk;
        this.budget = budget;
        this.publish = publish;
    }

    /** A batch of one conversation's messages. */
    void messages(String chat, List<HistoryMessage> batch) {
        if (open != null && !open.getChat().equals(chat)) {
            closeSlice();
        }
        if (open == null) {
            open = HistoryConversation.newBuilder().setChat(chat);
            openMessages = new ArrayList<>();
        }
        for (HistoryMessage message : batch) {
            MessageEvent event = messages.map(origin, new MessageReceived(message.info(), message.message()));
            openMessages.add(event);
            bytes += size(event);
            if (bytes >= budget) {
                closeSlice();
                send(0);
                open = HistoryConversation.newBuilder().setChat(chat);
                openMessages = new ArrayList<>();
            }
        }
    }

    /** A conversation ended: its metadata goes on its last slice. */
    void conversation(io.tryx.protocol.client.history.HistoryConversation meta) {
        String chat = meta.chat().toString();
        if (open != null && !open.getChat().equals(chat)) {
            closeSlice();
        }
        if (open == null) {
            open = HistoryConversation.newBuilder().setChat(chat);
            openMessages = new ArrayList<>();
        }
        open.setName(meta.name().orElse(null))
                .setUnreadCount(meta.unreadCount())
                .setArchived(meta.archived())
                .setPinned(meta.pinned())
                .setMutedUntil(meta.mutedUntil().map(t -> t.truncatedTo(ChronoUnit.MILLIS)).orElse(null))
                .setEphemeralExpirationSeconds(meta.ephemeralSeconds() > 0 ? meta.ephemeralSeconds() : null);
        closeSlice();
        bytes += 64 + chat.length() + meta.name().map(String::length).orElse(0);
        if (bytes >= budget) {
            send(0);
        }
    }

    /** A batch of push names. */
    void pushNames(List<io.tryx.protocol.client.history.PushName> names) {
        for (var name : names) {
            pushNames.add(HistoryPushName.newBuilder().setUser(name.user().toString()).setPushName(name.pushName()).build());
            bytes += 16 + name.user().toString().length() + name.pushName().length();
            if (bytes >= budget) {
                closeSlice();
                send(0);
            }
        }
    }

    /** The chunk was read whole: sends the last part (also when empty, so consumers see the batch complete). */
    void completed() {
        closeSlice();
        send(part + 1);
    }

    /**
     * The chunk could not be read whole: sends the last part with the failure (after whatever was read before), so
     * consumers see the batch end and why.
     */
    void failed(io.tryx.protocol.client.history.HistoryFailure reason, String detail) {
        closeSlice();
        conversations.clear();
        pushNames.clear();
        failure = HistorySyncFailure.valueOf(reason.name());
        failureDetail = detail == null || detail.isBlank() ? null : detail;
        send(part + 1);
    }

    /** How many parts went out so far. */
    int partsSent() {
        return part;
    }

    private void closeSlice() {
        if (open == null) {
            return;
        }
        conversations.add(open.setMessages(openMessages).build());
        open = null;
        openMessages = new ArrayList<>();
    }

    private void send(int parts) {
        String account = origin.account();
        HistorySyncEvent record = HistorySyncEvent.newBuilder()
                .setEventId(EventIds.derive(account, account, chunk.notificationId() + "/" + part, EventKind.HISTORY_SYNC))
                .setAccount(account)
                .setChat(account)
                .setTimestamp(chunk.announcedAt().truncatedTo(ChronoUnit.MILLIS))
                .setSource(origin.source(chunk.announcedAt().truncatedTo(ChronoUnit.MILLIS)))
                .setSyncType(syncType(chunk))
                .setChunkOrder(chunk.chunkOrder())
                .setPart(part)
                .setParts(parts)
                .setProgress(chunk.progress().isPresent() ? chunk.progress().getAsInt() : null)
                .setConversations(List.copyOf(conversations))
                .setPushNames(List.copyOf(pushNames))
                .setFailure(failure)
                .setFailureDetail(failureDetail)
                .build();
        publish.accept(record);
        part++;
        conversations.clear();
        pushNames.clear();
        bytes = 0;
    }

    static HistorySyncType syncType(HistoryChunk chunk) {
        return switch (chunk.syncType()) {
            case INITIAL_BOOTSTRAP -> HistorySyncType.INITIAL_BOOTSTRAP;
            case INITIAL_STATUS_V3 -> HistorySyncType.INITIAL_STATUS;
            case FULL -> HistorySyncType.FULL;
            case RECENT -> HistorySyncType.RECENT;
            case PUSH_NAME -> HistorySyncType.PUSH_NAME;
            case NON_BLOCKING_DATA -> HistorySyncType.NON_BLOCKING_DATA;
            case ON_DEMAND -> HistorySyncType.ON_DEMAND;
            default -> HistorySyncType.UNKNOWN;
        };
    }

    private long size(MessageEvent event) {
        counting.count = 0;
        encoder = EncoderFactory.get().directBinaryEncoder(counting, encoder);
        try {
            writer.write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counting.count;
    }

    /** Counts bytes, keeps none. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
