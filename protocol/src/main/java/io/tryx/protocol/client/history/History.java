package io.tryx.protocol.client.history;

import io.tryx.protocol.client.media.Media;
import io.tryx.protocol.client.media.MediaException;
import io.tryx.protocol.client.media.MediaRef;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.PeerMessageConsumer;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.E2EProto.Message.HistorySyncNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * History sync of one account. Takes the {@code HISTORY_SYNC_NOTIFICATION}s our own phone sends (a
 * {@link PeerMessageConsumer}) and processes each chunk before the notification is acknowledged: the blob is
 * downloaded into a temporary file while its MAC and hashes are checked (nothing of it is reported before it
 * verified), then inflated and read as a stream ({@link HistoryStreamReader}), the events going to the
 * {@link HistoryListener}s. Memory stays bounded by one batch whatever the chunk's size; the disk holds the
 * deflated blob while it is read. A blob that cannot be fetched, verified or read becomes a
 * {@link HistorySyncEvent.ChunkFailed} and the notification is still taken, so the chat is not stuck; a listener
 * that throws (or a temporary file that cannot be written) leaves the notification for redelivery, and the chunk
 * is processed again from the start (at least once; event ids are stable). Processing blocks the messaging worker
 * that delivers the notification (the lane of our own chat).
 */
public final class History implements PeerMessageConsumer {

    private static final Logger log = LoggerFactory.getLogger(History.class);
    /** Messages (and push names) per event. */
    public static final int BATCH_SIZE = 100;

    private final Media media;
    private final HistoryStreamReader reader = new HistoryStreamReader(BATCH_SIZE);
    private final List<HistoryListener> listeners = new CopyOnWriteArrayList<>();

    public History(Media media) {
        this.media = Objects.requireNonNull(media, "media");
    }

    /** History sync over {@code media}, registered as a peer-message consumer of {@code messaging}. */
    public static History attach(Messaging messaging, Media media) {
        History history = new History(media);
        messaging.addPeerMessageConsumer(history);
        return history;
    }

    public void addListener(HistoryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Takes history-sync notifications from our own devices and processes them before returning. */
    @Override
    public boolean consume(MessageInfo info, E2EProto.Message message) {
        if (!info.fromMe() || !message.hasProtocolMessage() || message.getProtocolMessage().getType()
                != E2EProto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION) {
            return false;
        }
        process(info, message.getProtocolMessage().getHistorySyncNotification());
        return true;
    }

    /** Processes one announced chunk, reporting its events; throws only when a listener did (or the disk failed). */
    void process(MessageInfo info, HistorySyncNotification notification) {
        HistoryChunk chunk = new HistoryChunk(info.id(), info.sender().toNonAd().withDevice(0), notification.getSyncType(),
                notification.getChunkOrder(),
                notification.hasProgress() ? OptionalInt.of(notification.getProgress()) : OptionalInt.empty(),
                info.timestamp());
        emit(new HistorySyncEvent.ChunkStarted(chunk));
        HistorySyncEvent last;
        try {
            last = read(chunk, notification);
        } catch (MediaException e) {
            last = failed(chunk, switch (e.reason()) {
                case EXPIRED -> HistoryFailure.EXPIRED;
                case MAC_MISMATCH, HASH_MISMATCH, SIZE_MISMATCH, MALFORMED -> HistoryFailure.VERIFICATION;
                default -> HistoryFailure.DOWNLOAD;
            }, e.getMessage());
        } catch (MalformedChunk e) {
            last = failed(chunk, HistoryFailure.MALFORMED, e.getCause().toString());
        } catch (IllegalArgumentException e) {
            last = failed(chunk, HistoryFailure.NO_BLOB, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("history chunk " + chunk.notificationId() + " could not be stored", e);
        }
        emit(last);
        if (last instanceof HistorySyncEvent.ChunkCompleted done) {
            log.info("history chunk {} ({} #{}): {} conversations, {} messages, {} push names, {} skipped",
                    chunk.notificationId(), chunk.syncType(), chunk.chunkOrder(), done.conversations(), done.messages(),
                    done.pushNames(), done.skipped());
        }
    }

    private HistorySyncEvent read(HistoryChunk chunk, HistorySyncNotification notification)
            throws IOException, MalformedChunk {
        if (notification.hasInitialHistBootstrapInlinePayload() && notification.getDirectPath().isEmpty()) {
            return inflateAndRead(notification.getInitialHistBootstrapInlinePayload().newInput(), chunk);
        }
        MediaRef ref = MediaRef.of(notification);
        Path blob = Files.createTempFile("tryx-history-", ".zlib");
        try {
            try (OutputStream out = Files.newOutputStream(blob)) {
                media.download(ref, out);
            }
            return inflateAndRead(new BufferedInputStream(Files.newInputStream(blob), 1 << 16), chunk);
        } finally {
            Files.deleteIfExists(blob);
        }
    }

    /** Inflates and reads a verified blob; any failure to do so is the blob's ({@link MalformedChunk}). */
    private HistorySyncEvent inflateAndRead(InputStream deflated, HistoryChunk chunk) throws MalformedChunk {
        Inflater inflater = new Inflater();
        try (InputStream in = new InflaterInputStream(deflated, inflater, 1 << 16)) {
            return reader.read(in, chunk, this::emit);
        } catch (IOException e) {
            throw new MalformedChunk(e);
        } finally {
            inflater.end();
        }
    }

    /** A verified blob that does not inflate or parse. */
    private static final class MalformedChunk extends Exception {
        MalformedChunk(IOException cause) {
            super(cause);
        }
    }

    private static HistorySyncEvent failed(HistoryChunk chunk, HistoryFailure reason, String detail) {
        log.warn("history chunk {} ({} #{}) failed, taken without its content: {} {}", chunk.notificationId(),
                chunk.syncType(), chunk.chunkOrder(), reason, detail);
        return new HistorySyncEvent.ChunkFailed(chunk, reason, detail == null ? "" : detail);
    }

    private void emit(HistorySyncEvent event) {
        for (HistoryListener listener : listeners) {
            listener.onHistoryEvent(event);
        }
    }
}
