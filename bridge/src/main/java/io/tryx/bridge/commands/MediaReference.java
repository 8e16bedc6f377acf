package io.tryx.bridge.commands;

import io.tryx.common.v1.MediaInfo;
import io.tryx.protocol.client.media.MediaMessages;
import io.tryx.protocol.client.media.MediaSource;
import io.tryx.protocol.client.media.MediaUpload;
import io.tryx.protocol.client.media.OutgoingMedia;
import io.tryx.protocol.proto.E2EProto.Message;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;

/**
 * Media already on WhatsApp's media servers, named by the {@link MediaInfo} of a message event: the message that
 * sends it again (a forward) carries the same key, hashes and path, so nothing is fetched or uploaded. Missing or
 * malformed keys are {@code INVALID_COMMAND}.
 */
final class MediaReference {

    /** Where WhatsApp's clients download a blob named only by its direct path. */
    static final String MEDIA_HOST = "https://mmg.whatsapp.net";

    private MediaReference() {
    }

    /**
     * The message for {@code info} as the kind {@code build} makes ({@code source}'s mimetype, else the
     * reference's), at {@code nowSeconds}.
     */
    static Message message(BiFunction<MediaSource, String, OutgoingMedia> build, io.tryx.commands.v1.MediaSource source,
                           MediaInfo info, long nowSeconds) {
        byte[] key = bytes(info.getMediaKey(), "mediaKey", 32);
        byte[] sha = bytes(info.getFileSha256(), "fileSha256", 32);
        byte[] encSha = bytes(info.getFileEncSha256(), "fileEncSha256", 32);
        if (info.getFileLength() <= 0) {
            throw CommandFailure.invalid("the media reference's fileLength must be positive");
        }
        String directPath = info.getDirectPath().filter(p -> !p.isBlank())
                .or(() -> info.getUrl().map(MediaReference::pathOf))
                .orElseThrow(() -> CommandFailure.invalid("the media reference has neither a directPath nor a url"));
        String url = info.getUrl().filter(u -> !u.isBlank()).orElse(MEDIA_HOST + directPath);
        String mimetype = source.getMimetype().filter(m -> !m.isBlank()).orElse(info.getMimetype());
        // the plain file stays on WhatsApp's servers: the source is never read
        OutgoingMedia media = build.apply(MediaSource.of(new byte[0]), mimetype);
        MediaUpload upload = new MediaUpload(media.type(), url, directPath, "", key, sha, encSha, info.getFileLength(),
                new byte[0]);
        return MediaMessages.build(media, upload, nowSeconds);
    }

    private static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath();
            if (path == null || path.isBlank()) {
                throw CommandFailure.invalid("the media reference's url has no path: " + url);
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            throw CommandFailure.invalid("the media reference's url is not a URL: " + url);
        }
    }

    private static byte[] bytes(ByteBuffer buffer, String field, int length) {
        ByteBuffer view = buffer.duplicate();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        if (out.length != length) {
            throw CommandFailure.invalid("the media reference's " + field + " must be " + length + " bytes, not " + out.length);
        }
        return out;
    }
}
