package io.tryx.simulator.phone;

import com.google.protobuf.ByteString;
import io.tryx.protocol.media.EncryptedMedia;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.E2EProto;

import java.util.Optional;

/**
 * Media messages as WhatsApp clients shape them: {@link #build} turns an upload into {@code imageMessage},
 * {@code videoMessage}, {@code audioMessage} (with {@code ptt} for a voice note), {@code documentMessage} or
 * {@code stickerMessage} carrying {@code url}, {@code directPath}, {@code mediaKey}, {@code fileSha256},
 * {@code fileEncSha256}, {@code fileLength}, {@code mimetype}, {@code mediaKeyTimestamp} and the kind's optional
 * fields (caption, file name and title, JPEG thumbnail, streaming sidecar of audio and video); {@link #read}
 * finds the media of a received message and what is needed to download it.
 */
final class MediaMessages {

    private MediaMessages() {
    }

    /** A received media message: its kind, what the inbox shows of it and where its file is. */
    record Received(MediaKind kind, String mimetype, String caption, String fileName, boolean ptt,
                    PhoneMedia.Reference reference) {
    }

    static E2EProto.Message build(PhoneMessage.Media media, PhoneMedia.Uploaded upload, long nowSeconds) {
        EncryptedMedia keys = upload.media();
        ByteString mediaKey = ByteString.copyFrom(keys.mediaKey());
        ByteString fileSha256 = ByteString.copyFrom(keys.fileSha256());
        ByteString fileEncSha256 = ByteString.copyFrom(keys.fileEncSha256());
        ByteString thumbnail = media.jpegThumbnail() == null ? null : ByteString.copyFrom(media.jpegThumbnail());
        E2EProto.Message.Builder message = E2EProto.Message.newBuilder();
        switch (media.kind()) {
            case IMAGE -> {
                var image = E2EProto.Message.ImageMessage.newBuilder().setUrl(upload.url()).setDirectPath(upload.directPath())
                        .setMimetype(media.mimetype()).setMediaKey(mediaKey).setFileSha256(fileSha256)
                        .setFileEncSha256(fileEncSha256).setFileLength(keys.fileLength()).setMediaKeyTimestamp(nowSeconds);
                if (media.caption() != null) {
                    image.setCaption(media.caption());
                }
                if (thumbnail != null) {
                    image.setJpegThumbnail(thumbnail);
                }
                message.setImageMessage(image);
            }
            case VIDEO -> {
                var video = E2EProto.Message.VideoMessage.newBuilder().setUrl(upload.url()).setDirectPath(upload.directPath())
                        .setMimetype(media.mimetype()).setMediaKey(mediaKey).setFileSha256(fileSha256)
                        .setFileEncSha256(fileEncSha256).setFileLength(keys.fileLength()).setMediaKeyTimestamp(nowSeconds)
                        .setStreamingSidecar(ByteString.copyFrom(keys.streamingSidecar()));
                if (media.caption() != null) {
                    video.setCaption(media.caption());
                }
                if (thumbnail != null) {
                    video.setJpegThumbnail(thumbnail);
                }
                message.setVideoMessage(video);
            }
            case AUDIO -> message.setAudioMessage(E2EProto.Message.AudioMessage.newBuilder().setUrl(upload.url())
                    .setDirectPath(upload.directPath()).setMimetype(media.mimetype()).setMediaKey(mediaKey)
                    .setFileSha256(fileSha256).setFileEncSha256(fileEncSha256).setFileLength(keys.fileLength())
                    .setMediaKeyTimestamp(nowSeconds).setPtt(media.ptt())
                    .setStreamingSidecar(ByteString.copyFrom(keys.streamingSidecar())));
            case DOCUMENT -> {
                var document = E2EProto.Message.DocumentMessage.newBuilder().setUrl(upload.url())
                        .setDirectPath(upload.directPath()).setMimetype(media.mimetype()).setMediaKey(mediaKey)
                        .setFileSha256(fileSha256).setFileEncSha256(fileEncSha256).setFileLength(keys.fileLength())
                        .setMediaKeyTimestamp(nowSeconds);
                if (media.fileName() != null) {
                    document.setFileName(media.fileName()).setTitle(media.fileName());
                }
                if (media.caption() != null) {
                    document.setCaption(media.caption());
                }
                if (thumbnail != null) {
                    document.setJpegThumbnail(thumbnail);
                }
                message.setDocumentMessage(document);
            }
            case STICKER -> message.setStickerMessage(E2EProto.Message.StickerMessage.newBuilder().setUrl(upload.url())
                    .setDirectPath(upload.directPath()).setMimetype(media.mimetype()).setMediaKey(mediaKey)
                    .setFileSha256(fileSha256).setFileEncSha256(fileEncSha256).setFileLength(keys.fileLength())
                    .setMediaKeyTimestamp(nowSeconds));
        }
        return message.build();
    }

    /** The media of {@code m} (already unwrapped from ephemeral and similar wrappers), if it is a media message. */
    static Optional<Received> read(E2EProto.Message m) {
        if (m.hasDocumentWithCaptionMessage() && m.getDocumentWithCaptionMessage().getMessage().hasDocumentMessage()) {
            m = m.getDocumentWithCaptionMessage().getMessage();
        }
        if (m.hasImageMessage()) {
            var x = m.getImageMessage();
            return Optional.of(new Received(MediaKind.IMAGE, x.getMimetype(), x.hasCaption() ? x.getCaption() : null, null,
                    false, reference(x.getDirectPath(), x.getMediaKey(), MediaType.IMAGE, x.getFileSha256(), x.getFileEncSha256())));
        }
        if (m.hasVideoMessage()) {
            var x = m.getVideoMessage();
            return Optional.of(new Received(MediaKind.VIDEO, x.getMimetype(), x.hasCaption() ? x.getCaption() : null, null,
                    false, reference(x.getDirectPath(), x.getMediaKey(), MediaType.VIDEO, x.getFileSha256(), x.getFileEncSha256())));
        }
        if (m.hasAudioMessage()) {
            var x = m.getAudioMessage();
            return Optional.of(new Received(MediaKind.AUDIO, x.getMimetype(), null, null, x.getPtt(),
                    reference(x.getDirectPath(), x.getMediaKey(), MediaType.AUDIO, x.getFileSha256(), x.getFileEncSha256())));
        }
        if (m.hasDocumentMessage()) {
            var x = m.getDocumentMessage();
            return Optional.of(new Received(MediaKind.DOCUMENT, x.getMimetype(), x.hasCaption() ? x.getCaption() : null,
                    x.hasFileName() ? x.getFileName() : null, false,
                    reference(x.getDirectPath(), x.getMediaKey(), MediaType.DOCUMENT, x.getFileSha256(), x.getFileEncSha256())));
        }
        if (m.hasStickerMessage()) {
            var x = m.getStickerMessage();
            return Optional.of(new Received(MediaKind.STICKER, x.getMimetype(), null, null, false,
                    reference(x.getDirectPath(), x.getMediaKey(), MediaType.STICKER, x.getFileSha256(), x.getFileEncSha256())));
        }
        return Optional.empty();
    }

    private static PhoneMedia.Reference reference(String directPath, ByteString mediaKey, MediaType type,
                                                  ByteString fileSha256, ByteString fileEncSha256) {
        return new PhoneMedia.Reference(directPath, mediaKey.toByteArray(), type,
                fileSha256.isEmpty() ? null : fileSha256.toByteArray(), fileEncSha256.isEmpty() ? null : fileEncSha256.toByteArray());
    }
}
