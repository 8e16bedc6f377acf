package io.tryx.protocol.client.media;

import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.media.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The account's media: {@code media_conn} ({@link MediaConnections}), streamed, verified downloads
 * ({@link MediaDownloader}), streamed uploads ({@link MediaUploader}) and media messages (upload, then
 * {@link MediaMessages} sent through {@link Messaging}), over a {@link MediaHttp} that is either shared (given) or made from
 * {@link MediaConfig#defaults()} on first use and closed with this object. Blocking methods must not run on a
 * connection's event loop. Thread-safe.
 */
public final class Media implements AutoCloseable {

    private final MediaConnections connections;
    private final Messaging messaging;
    private final InstantSource clock;
    private final MediaHttp shared;
    private MediaHttp own;
    private MediaDownloader downloader;
    private MediaUploader uploader;

    /** Media over {@code http} (shared, not closed here), or over its own default client when {@code http} is null. */
    public Media(MediaHttp http, StanzaChannel channel, Messaging messaging, InstantSource clock) {
        this.shared = http;
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connections = new MediaConnections(channel, clock);
    }

    /** The account's {@code media_conn} cache. */
    public MediaConnections connections() {
        return connections;
    }

    /** See {@link MediaDownloader#open}: the plaintext as a stream, verified by its last read. */
    public InputStream open(MediaRef ref) throws MediaException {
        return downloader().open(ref);
    }

    /** See {@link MediaDownloader#download(MediaRef, OutputStream)}. */
    public long download(MediaRef ref, OutputStream out) throws IOException {
        return downloader().download(ref, out);
    }

    /** See {@link MediaDownloader#download(MediaRef, Path)}. */
    public long download(MediaRef ref, Path target) throws IOException {
        return downloader().download(ref, target);
    }

    /** See {@link MediaUploader#upload}: encrypts and uploads {@code source} as {@code type}; blocks. */
    public MediaUpload upload(MediaSource source, MediaType type) throws IOException {
        return uploader().upload(source, type);
    }

    /**
     * Uploads {@code media} (on a virtual thread), then sends its message to a user or a group; completes with the
     * id and the server's timestamp once the server acknowledged it. An upload failure fails the future with
     * {@link MediaException} (or {@link UncheckedIOException} when the source could not be read).
     */
    public CompletableFuture<SendResult> send(Jid to, OutgoingMedia media) {
        Objects.requireNonNull(to, "to");
        return prepare(media).thenCompose(message -> messaging.send(to, message));
    }

    /**
     * Uploads {@code media} (on a virtual thread) and completes with its message, ready to send anywhere (a chat,
     * a status); failures as {@link #send}.
     */
    public CompletableFuture<io.tryx.protocol.proto.E2EProto.Message> prepare(OutgoingMedia media) {
        Objects.requireNonNull(media, "media");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return upload(media.source(), media.type());
            } catch (MediaException e) {
                throw new CompletionException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, http().executor()).thenApply(upload -> MediaMessages.build(media, upload, clock.instant().getEpochSecond()));
    }

    public CompletableFuture<SendResult> sendImage(Jid to, OutgoingMedia.Image image) {
        return send(to, image);
    }

    public CompletableFuture<SendResult> sendVideo(Jid to, OutgoingMedia.Video video) {
        return send(to, video);
    }

    public CompletableFuture<SendResult> sendAudio(Jid to, OutgoingMedia.Audio audio) {
        return send(to, audio);
    }

    public CompletableFuture<SendResult> sendDocument(Jid to, OutgoingMedia.Document document) {
        return send(to, document);
    }

    public CompletableFuture<SendResult> sendSticker(Jid to, OutgoingMedia.Sticker sticker) {
        return send(to, sticker);
    }

    private synchronized MediaUploader uploader() {
        if (uploader == null) {
            uploader = new MediaUploader(http(), connections);
        }
        return uploader;
    }

    private synchronized MediaDownloader downloader() {
        if (downloader == null) {
            downloader = new MediaDownloader(http(), connections);
        }
        return downloader;
    }

    synchronized MediaHttp http() {
        if (shared != null) {
            return shared;
        }
        if (own == null) {
            own = MediaHttp.create(MediaConfig.defaults());
        }
        return own;
    }

    @Override
    public synchronized void close() {
        if (own != null) {
            own.close();
            own = null;
        }
    }
}
