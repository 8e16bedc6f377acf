package io.tryx.bridge.events;

import com.google.protobuf.ByteString;
import io.tryx.common.v1.MediaInfo;
import io.tryx.events.v1.AudioContent;
import io.tryx.events.v1.DocumentContent;
import io.tryx.events.v1.ImageContent;
import io.tryx.events.v1.StickerContent;
import io.tryx.events.v1.VideoContent;
import io.tryx.protocol.proto.E2EProto.Message;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Media messages to their contract records: the blob's {@link MediaInfo} plus what each kind adds. */
final class MediaMapper {

    private static final String OCTET_STREAM = "application/octet-stream";

    private MediaMapper() {
    }

    static ImageContent image(Message.ImageMessage image) {
        return ImageContent.newBuilder()
                .setMedia(media(image.getDirectPath(), image.getUrl(), image.getMediaKey(), image.getFileSha256(),
                        image.getFileEncSha256(), image.getFileLength(), mimetype(image.getMimetype(), "image/jpeg"),
                        image.getMediaKeyTimestamp()))
                .setCaption(text(image.hasCaption(), image.getCaption()))
                .setWidth(image.hasWidth() ? image.getWidth() : null)
                .setHeight(image.hasHeight() ? image.getHeight() : null)
                .setThumbnailJpeg(bytes(image.hasJpegThumbnail(), image.getJpegThumbnail()))
                .build();
    }

    static VideoContent video(Message.VideoMessage video) {
        return VideoContent.newBuilder()
                .setMedia(media(video.getDirectPath(), video.getUrl(), video.getMediaKey(), video.getFileSha256(),
                        video.getFileEncSha256(), video.getFileLength(), mimetype(video.getMimetype(), "video/mp4"),
                        video.getMediaKeyTimestamp()))
                .setCaption(text(video.hasCaption(), video.getCaption()))
                .setWidth(video.hasWidth() ? video.getWidth() : null)
                .setHeight(video.hasHeight() ? video.getHeight() : null)
                .setDurationSeconds(video.hasSeconds() ? video.getSeconds() : null)
                .setGifPlayback(video.getGifPlayback())
                .setThumbnailJpeg(bytes(video.hasJpegThumbnail(), video.getJpegThumbnail()))
                .build();
    }

    static AudioContent audio(Message.AudioMessage audio) {
        return AudioContent.newBuilder()
                .setMedia(media(audio.getDirectPath(), audio.getUrl(), audio.getMediaKey(), audio.getFileSha256(),
                        audio.getFileEncSha256(), audio.getFileLength(), mimetype(audio.getMimetype(), OCTET_STREAM),
                        audio.getMediaKeyTimestamp()))
                .setDurationSeconds(audio.hasSeconds() ? audio.getSeconds() : null)
                .setVoice(audio.getPtt())
                .setWaveform(bytes(audio.hasWaveform(), audio.getWaveform()))
                .build();
    }

    static DocumentContent document(Message.DocumentMessage document) {
        return DocumentContent.newBuilder()
                .setMedia(media(document.getDirectPath(), document.getUrl(), document.getMediaKey(),
                        document.getFileSha256(), document.getFileEncSha256(), document.getFileLength(),
                        mimetype(document.getMimetype(), OCTET_STREAM), document.getMediaKeyTimestamp()))
                .setFileName(text(document.hasFileName(), document.getFileName()))
                .setTitle(text(document.hasTitle(), document.getTitle()))
                .setPageCount(document.hasPageCount() ? document.getPageCount() : null)
                .setCaption(text(document.hasCaption(), document.getCaption()))
                .setThumbnailJpeg(bytes(document.hasJpegThumbnail(), document.getJpegThumbnail()))
                .build();
    }

    static StickerContent sticker(Message.StickerMessage sticker) {
        return StickerContent.newBuilder()
                .setMedia(media(sticker.getDirectPath(), sticker.getUrl(), sticker.getMediaKey(), sticker.getFileSha256(),
                        sticker.getFileEncSha256(), sticker.getFileLength(), mimetype(sticker.getMimetype(), "image/webp"),
                        sticker.getMediaKeyTimestamp()))
                .setWidth(sticker.hasWidth() ? sticker.getWidth() : null)
                .setHeight(sticker.hasHeight() ? sticker.getHeight() : null)
                .setAnimated(sticker.getIsAnimated())
                .build();
    }

    private static MediaInfo media(String directPath, String url, ByteString mediaKey, ByteString fileSha256,
                                   ByteString fileEncSha256, long fileLength, String mimetype, long mediaKeyTimestamp) {
        return MediaInfo.newBuilder()
                .setDirectPath(directPath.isEmpty() ? null : directPath)
                .setUrl(url.isEmpty() ? null : url)
                .setMediaKey(ByteBuffer.wrap(mediaKey.toByteArray()))
                .setFileSha256(ByteBuffer.wrap(fileSha256.toByteArray()))
                .setFileEncSha256(ByteBuffer.wrap(fileEncSha256.toByteArray()))
                .setFileLength(fileLength)
                .setMimetype(mimetype)
                .setMediaKeyTimestamp(mediaKeyTimestamp > 0 ? Instant.ofEpochSecond(mediaKeyTimestamp) : null)
                .build();
    }

    private static String mimetype(String given, String fallback) {
        return given.isEmpty() ? fallback : given;
    }

    static String text(boolean present, String value) {
        return present && !value.isEmpty() ? value : null;
    }

    static ByteBuffer bytes(boolean present, ByteString value) {
        return present && !value.isEmpty() ? ByteBuffer.wrap(value.toByteArray()) : null;
    }
}
