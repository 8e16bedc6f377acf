package io.tryx.protocol.client.media;

import com.google.protobuf.ByteString;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.E2EProto.Message;

/**
 * Builds the E2E message of an uploaded file: the kind's sub-message with url, direct path, media key, both hashes,
 * length, mimetype and {@code mediaKeyTimestamp}, plus what the caller gave (caption, file name, duration,
 * dimensions, thumbnail) and the streaming sidecar of audio and video. A document with a caption goes inside
 * {@code documentWithCaptionMessage}, as WhatsApp sends it.
 */
public final class MediaMessages {

    private MediaMessages() {
    }

    /** The message for {@code media} uploaded as {@code upload} at {@code mediaKeyTimestamp} (epoch seconds). */
    public static Message build(OutgoingMedia media, MediaUpload upload, long mediaKeyTimestamp) {
        if (upload.type() != media.type()) {
            throw new IllegalArgumentException("uploaded as " + upload.type() + " but sent as " + media.type());
        }
        ByteString key = ByteString.copyFrom(upload.mediaKey());
        ByteString sha = ByteString.copyFrom(upload.fileSha256());
        ByteString encSha = ByteString.copyFrom(upload.fileEncSha256());
        return switch (media) {
            case OutgoingMedia.Image image -> {
                var m = Message.ImageMessage.newBuilder().setUrl(upload.url()).setDirectPath(upload.directPath())
                        .setMediaKey(key).setFileSha256(sha).setFileEncSha256(encSha).setFileLength(upload.fileLength())
                        .setMimetype(image.mimetype()).setMediaKeyTimestamp(mediaKeyTimestamp);
                if (image.caption() != null) {
                    m.setCaption(image.caption());
                }
                if (image.width() > 0 && image.height() > 0) {
                    m.setWidth(image.width()).setHeight(image.height());
                }
                if (image.jpegThumbnail() != null) {
                    m.setJpegThumbnail(ByteString.copyFrom(image.jpegThumbnail()));
                }
                yield Message.newBuilder().setImageMessage(m).build();
            }
            case OutgoingMedia.Video video -> {
                var m = Message.VideoMessage.newBuilder().setUrl(upload.url()).setDirectPath(upload.directPath())
                        .setMediaKey(key).setFileSha256(sha).setFileEncSha256(encSha).setFileLength(upload.fileLength())
                        .setMimetype(video.mimetype()).setMediaKeyTimestamp(mediaKeyTimestamp)
                        .setStreamingSidecar(ByteString.copyFrom(upload.streamingSidecar()));
                if (video.caption() != null) {
                    m.setCaption(video.caption());
                }
                if (video.seconds() > 0) {
                    m.setSeconds(video.seconds());
                }
                if (video.width() > 0 && video.height() > 0) {
                    m.setWidth(video.width()).setHeight(video.height());
                }
                if (video.jpegThumbnail() != null) {
                    m.setJpegThumbnail(ByteString.copyFrom(video.jpegThumbnail()));
                }
                if (video.gifPlayback()) {
                    m.setGifPlayback(true);
                }
                yield Message.newBuilder().setVideoMessage(m).build();
            }
            case OutgoingMedia.Audio audio -> {
                var m = Message.AudioMessage.newBuilder().setUrl(upload.url()).setDirectPath(upload.directPath())
                        .setMediaKey(key).setFileSha256(sha).setFileEncSha256(encSha).setFileLength(upload.fileLength())
                        .setMimetype(audio.mimetype()).setMediaKeyTimestamp(mediaKeyTimestamp)
                        .setStreamingSidecar(ByteString.copyFrom(upload.streamingSidecar())).setPtt(audio.voiceNote());
                if (audio.seconds() > 0) {
                    m.setSeconds(audio.seconds());
                }
                yield Message.newBuilder().setAudioMessage(m).build();
            }
            case OutgoingMedia.Document document -> {
                var m = Message.DocumentMessage.newBuilder().setUrl(upload.url()).setDirectPath(upload.directPath())
                        .setMediaKey(key).setFileSha256(sha).setFileEncSha256(encSha).setFileLength(upload.fileLength())
                        .setMimetype(document.mimetype()).setMediaKeyTimestamp(mediaKeyTimestamp);
                if (document.fileName() != null) {
                    m.setFileName(document.fileName()).setTitle(document.fileName());
                }
                if (document.jpegThumbnail() != null) {
                    m.setJpegThumbnail(ByteString.copyFrom(document.jpegThumbnail()));
                }
                if (document.caption() == null) {
                    yield Message.newBuilder().setDocumentMessage(m).build();
                }
                m.setCaption(document.caption());
                yield Message.newBuilder().setDocumentWithCaptionMessage(E2EProto.Message.FutureProofMessage.newBuilder()
                        .setMessage(Message.newBuilder().setDocumentMessage(m))).build();
            }
            case OutgoingMedia.Sticker sticker -> {
                var m = Message.StickerMessage.newBuilder().setUrl(upload.url()).setDirectPath(upload.directPath())
                        .setMediaKey(key).setFileSha256(sha).setFileEncSha256(encSha).setFileLength(upload.fileLength())
                        .setMimetype(sticker.mimetype()).setMediaKeyTimestamp(mediaKeyTimestamp)
                        .setIsAnimated(sticker.animated());
                if (sticker.width() > 0 && sticker.height() > 0) {
                    m.setWidth(sticker.width()).setHeight(sticker.height());
                }
                yield Message.newBuilder().setStickerMessage(m).build();
            }
        };
    }
}
