package io.tryx.bridge.commands;

import io.tryx.bridge.media.FetchedFile;
import io.tryx.bridge.media.MediaFetchException;
import io.tryx.bridge.media.UrlFetcher;
import io.tryx.commands.v1.BlobRef;
import io.tryx.commands.v1.MediaUrl;
import io.tryx.commands.v1.OutgoingAudio;
import io.tryx.commands.v1.OutgoingDocument;
import io.tryx.commands.v1.OutgoingImage;
import io.tryx.commands.v1.OutgoingSticker;
import io.tryx.commands.v1.OutgoingVideo;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.media.MediaException;
import io.tryx.protocol.client.media.MediaMessages;
import io.tryx.protocol.client.media.MediaSource;
import io.tryx.protocol.client.media.MediaUpload;
import io.tryx.protocol.client.media.OutgoingMedia;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.Message;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * The media of a {@code SendMessage}: fetches the file a {@code MediaUrl} names into a temporary file
 * ({@link UrlFetcher}), encrypts and uploads it through the account's {@code media()}, builds the message
 * ({@link MediaMessages}) with the command's context (reply, mentions, forwarding, timer) and view-once flag, and
 * sends it. The blocking part runs on {@code executor} within a deadline; the temporary file is deleted once uploaded.
 * A {@code MediaInfo} (media already on WhatsApp's servers, from a message event) is sent again as it is, with its
 * key and hashes, without fetching or uploading. A {@code BlobRef} answers {@code UNSUPPORTED}: this bridge has no
 * blob store.
 */
final class MediaSender {

    /** Types servers send for "some bytes", which say nothing about an image, a video or audio. */
    private static final Set<String> UNTYPED = Set.of("application/octet-stream", "binary/octet-stream");

    private final UrlFetcher fetcher;
    private final ExecutorService executor;
    private final InstantSource clock;
    private final Duration deadline;

    /**
     * @param deadline how long fetching and uploading may take; after it the work is interrupted and nothing is sent
     *                 (keep it below the command timeout, so that a {@code TIMEOUT} result never precedes a send)
     */
    MediaSender(UrlFetcher fetcher, ExecutorService executor, InstantSource clock, Duration deadline) {
        this.fetcher = fetcher;
        this.executor = executor;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** True for the media kinds of the {@code SendMessage} content union. */
    static boolean isMedia(Object content) {
        return content instanceof OutgoingImage || content instanceof OutgoingVideo || content instanceof OutgoingAudio
                || content instanceof OutgoingDocument || content instanceof OutgoingSticker;
    }

    /**
     * Sends {@code content} (one of the {@link #isMedia} kinds) to {@code chat}. Invalid input (a bad URL, view-once
     * on a document or sticker, a blank file name) throws at once; fetch, upload and send failures fail the future.
     */
    CompletableFuture<SendResult> send(WhatsAppClient client, Jid chat, Object content, Optional<ContextInfo> context,
                                       boolean viewOnce) {
        return prepare(client, content, context, viewOnce).thenCompose(message -> client.messaging().send(chat, message));
    }

    /**
     * Fetches and uploads {@code content} (one of the {@link #isMedia} kinds) and completes with its message, ready
     * to send anywhere (a chat, a status); invalid input throws at once, as {@link #send}.
     */
    CompletableFuture<Message> prepare(WhatsAppClient client, Object content, Optional<ContextInfo> context,
                                       boolean viewOnce) {
        Request request = Request.of(content);
        if (viewOnce && !request.viewOnceAllowed()) {
            throw CommandFailure.invalid("viewOnce applies to image, video and audio only");
        }
        if (request.source().getLocation() instanceof io.tryx.common.v1.MediaInfo uploaded) {
            return CompletableFuture.completedFuture(finish(MediaReference.message(request.build(), request.source(),
                    uploaded, clock.instant().getEpochSecond()), context, viewOnce));
        }
        URI uri = location(request.source());
        CompletableFuture<Message> prepared = new CompletableFuture<>();
        Future<?> work = executor.submit(() -> {
            try {
                prepared.complete(prepare(client, uri, request, context, viewOnce));
            } catch (CompletionException e) {
                prepared.completeExceptionally(e.getCause());
            } catch (RuntimeException e) {
                prepared.completeExceptionally(e);
            }
        });
        CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (prepared.completeExceptionally(new TimeoutException("fetching and uploading the media took longer than "
                    + deadline.toSeconds() + " s; nothing was sent"))) {
                work.cancel(true);
            }
        });
        return prepared;
    }

    private Message prepare(WhatsAppClient client, URI uri, Request request, Optional<ContextInfo> context,
                            boolean viewOnce) {
        try (FetchedFile file = fetcher.fetch(uri)) {
            if (file.size() == 0) {
                throw new MediaFetchException(MediaFetchException.Reason.EMPTY, 0,
                        "GET " + uri.getHost() + " delivered an empty file", null);
            }
            OutgoingMedia media = request.build().apply(MediaSource.of(file.file()), mimetype(request, file));
            MediaUpload upload = client.media().upload(media.source(), media.type());
            return finish(MediaMessages.build(media, upload, clock.instant().getEpochSecond()), context, viewOnce);
        } catch (MediaFetchException | MediaException e) {
            throw new CompletionException(e);
        } catch (IOException e) {
            throw new CompletionException(new MediaException(MediaException.Reason.IO, 0,
                    "the fetched file could not be read: " + e.getMessage(), e));
        }
    }

    private static Message finish(Message message, Optional<ContextInfo> context, boolean viewOnce) {
        Message withContext = context.map(info -> MediaWrapping.withContext(message, info)).orElse(message);
        return viewOnce ? MediaWrapping.viewOnce(withContext) : withContext;
    }

    /** The command's mimetype, else the server's (unless it is untyped and the kind is not a document), else the kind's. */
    private static String mimetype(Request request, FetchedFile file) {
        return request.source().getMimetype().filter(s -> !s.isBlank())
                .or(() -> file.contentType().filter(type -> request.document()
                        || !UNTYPED.contains(type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT))))
                .orElse(request.defaultMimetype());
    }

    /** The URL of a media source; a bad URL is INVALID_COMMAND, a blob reference UNSUPPORTED. */
    static URI location(io.tryx.commands.v1.MediaSource source) {
        return switch (source.getLocation()) {
            case MediaUrl url -> {
                try {
                    yield UrlFetcher.parse(url.getUrl());
                } catch (MediaFetchException e) {
                    throw CommandFailure.invalid(e.getMessage());
                }
            }
            case BlobRef blob -> throw CommandFailure.unsupported("BlobRef " + blob.getBlobId()
                    + ": this bridge has no blob store; give the file as a MediaUrl");
            default -> throw CommandFailure.invalid("the media source has no location");
        };
    }

    /** What a media kind of the command needs: its source and how it becomes an {@link OutgoingMedia}. */
    private record Request(io.tryx.commands.v1.MediaSource source, boolean viewOnceAllowed, boolean document,
                           String defaultMimetype, BiFunction<MediaSource, String, OutgoingMedia> build) {

        static Request of(Object content) {
            return switch (content) {
                case OutgoingImage image -> new Request(image.getMedia(), true, false, "image/jpeg",
                        (source, type) -> new OutgoingMedia.Image(source, type, image.getCaption().orElse(null), 0, 0, null));
                case OutgoingVideo video -> new Request(video.getMedia(), true, false, "video/mp4",
                        (source, type) -> new OutgoingMedia.Video(source, type, video.getCaption().orElse(null), 0, 0, 0,
                                null, video.getGifPlayback()));
                case OutgoingAudio audio -> new Request(audio.getMedia(), true, false,
                        audio.getVoice() ? "audio/ogg; codecs=opus" : "audio/mpeg",
                        (source, type) -> new OutgoingMedia.Audio(source, type, 0, audio.getVoice()));
                case OutgoingDocument document -> {
                    if (document.getFileName().isBlank()) {
                        throw CommandFailure.invalid("OutgoingDocument needs a file name");
                    }
                    yield new Request(document.getMedia(), false, true, "application/octet-stream",
                            (source, type) -> new OutgoingMedia.Document(source, type, document.getFileName(),
                                    document.getCaption().orElse(null), null));
                }
                case OutgoingSticker sticker -> new Request(sticker.getMedia(), false, false, "image/webp",
                        (source, type) -> new OutgoingMedia.Sticker(source, type, 0, 0, sticker.getAnimated()));
                default -> throw new IllegalArgumentException("not media: " + content);
            };
        }
    }
}
