package io.tryx.protocol.client.media;

import io.tryx.protocol.media.MediaKeys;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.ServerSyncProto;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an encrypted media file is and how to open and check it, as messages carry it: the {@code directPath}
 * (preferred, resolved against the {@code media_conn} hosts) or a full {@code url}, the 32-byte media key and the
 * {@link MediaType} it expands under, and what the download must match: {@code fileEncSha256} (encrypted file),
 * {@code fileSha256} (plain file), {@code fileLength} (plain bytes). Hashes may be null and the length -1 when the
 * message carried none; the MAC is always checked.
 */
public record MediaRef(String directPath, String url, byte[] mediaKey, MediaType type, byte[] fileSha256,
                       byte[] fileEncSha256, long fileLength) {

    public MediaRef {
        directPath = directPath == null || directPath.isEmpty() ? null : directPath;
        url = url == null || url.isEmpty() ? null : url;
        if (directPath == null && url == null) {
            throw new IllegalArgumentException("a media reference needs a direct path or a url");
        }
        if (directPath != null && !directPath.startsWith("/")) {
            throw new IllegalArgumentException("a direct path starts with '/': " + directPath);
        }
        if (mediaKey == null || mediaKey.length != MediaKeys.MEDIA_KEY_LENGTH) {
            throw new IllegalArgumentException("a media key is 32 bytes");
        }
        mediaKey = mediaKey.clone();
        Objects.requireNonNull(type, "type");
        fileSha256 = hash(fileSha256, "fileSha256");
        fileEncSha256 = hash(fileEncSha256, "fileEncSha256");
    }

    @Override
    public byte[] mediaKey() {
        return mediaKey.clone();
    }

    @Override
    public byte[] fileSha256() {
        return fileSha256 == null ? null : fileSha256.clone();
    }

    @Override
    public byte[] fileEncSha256() {
        return fileEncSha256 == null ? null : fileEncSha256.clone();
    }

    /** The largest the encrypted file can be for {@link #fileLength} (padding to whole blocks plus the MAC), or -1. */
    public long maxEncryptedLength() {
        return fileLength < 0 ? -1 : (fileLength / 16 + 1) * 16 + 10;
    }

    public static MediaRef of(E2EProto.Message.ImageMessage m) {
        return new MediaRef(m.getDirectPath(), m.getUrl(), m.getMediaKey().toByteArray(), MediaType.IMAGE,
                bytes(m.hasFileSha256(), m.getFileSha256()), bytes(m.hasFileEncSha256(), m.getFileEncSha256()),
                m.hasFileLength() ? m.getFileLength() : -1);
    }

    public static MediaRef of(E2EProto.Message.VideoMessage m) {
        return new MediaRef(m.getDirectPath(), m.getUrl(), m.getMediaKey().toByteArray(),
                m.getGifPlayback() ? MediaType.GIF : MediaType.VIDEO,
                bytes(m.hasFileSha256(), m.getFileSha256()), bytes(m.hasFileEncSha256(), m.getFileEncSha256()),
                m.hasFileLength() ? m.getFileLength() : -1);
    }

    public static MediaRef of(E2EProto.Message.AudioMessage m) {
        return new MediaRef(m.getDirectPath(), m.getUrl(), m.getMediaKey().toByteArray(),
                m.getPtt() ? MediaType.VOICE_NOTE : MediaType.AUDIO,
                bytes(m.hasFileSha256(), m.getFileSha256()), bytes(m.hasFileEncSha256(), m.getFileEncSha256()),
                m.hasFileLength() ? m.getFileLength() : -1);
    }

    public static MediaRef of(E2EProto.Message.DocumentMessage m) {
        return new MediaRef(m.getDirectPath(), m.getUrl(), m.getMediaKey().toByteArray(), MediaType.DOCUMENT,
                bytes(m.hasFileSha256(), m.getFileSha256()), bytes(m.hasFileEncSha256(), m.getFileEncSha256()),
                m.hasFileLength() ? m.getFileLength() : -1);
    }

    public static MediaRef of(E2EProto.Message.StickerMessage m) {
        return new MediaRef(m.getDirectPath(), m.getUrl(), m.getMediaKey().toByteArray(), MediaType.STICKER,
                bytes(m.hasFileSha256(), m.getFileSha256()), bytes(m.hasFileEncSha256(), m.getFileEncSha256()),
                m.hasFileLength() ? m.getFileLength() : -1);
    }

    /** A history sync blob ({@code md-msg-hist}); {@code fileLength} is that of the deflated bytes. */
    public static MediaRef of(E2EProto.Message.HistorySyncNotification n) {
        return new MediaRef(n.getDirectPath(), null, n.getMediaKey().toByteArray(), MediaType.HISTORY,
                bytes(n.hasFileSha256(), n.getFileSha256()), bytes(n.hasFileEncSha256(), n.getFileEncSha256()),
                n.hasFileLength() ? n.getFileLength() : -1);
    }

    /** An app-state snapshot or large patch ({@code md-app-state}). */
    public static MediaRef of(ServerSyncProto.ExternalBlobReference b) {
        return new MediaRef(b.getDirectPath(), null, b.getMediaKey().toByteArray(), MediaType.APP_STATE,
                bytes(b.hasFileSha256(), b.getFileSha256()), bytes(b.hasFileEncSha256(), b.getFileEncSha256()),
                b.hasFileSizeBytes() ? b.getFileSizeBytes() : -1);
    }

    /**
     * The media of a message (image, video or round video, audio or voice note, document, sticker), looking inside
     * the ephemeral, view-once and document-with-caption wrappers; empty for a message without media.
     */
    public static Optional<MediaRef> from(E2EProto.Message message) {
        E2EProto.Message m = unwrap(message);
        if (m.hasImageMessage()) {
            return Optional.of(of(m.getImageMessage()));
        }
        if (m.hasVideoMessage()) {
            return Optional.of(of(m.getVideoMessage()));
        }
        if (m.hasPtvMessage()) {
            return Optional.of(of(m.getPtvMessage()));
        }
        if (m.hasAudioMessage()) {
            return Optional.of(of(m.getAudioMessage()));
        }
        if (m.hasDocumentMessage()) {
            return Optional.of(of(m.getDocumentMessage()));
        }
        if (m.hasStickerMessage()) {
            return Optional.of(of(m.getStickerMessage()));
        }
        return Optional.empty();
    }

    /** The message inside ephemeral, view-once and document-with-caption wrappers (at most a few levels deep). */
    public static E2EProto.Message unwrap(E2EProto.Message message) {
        E2EProto.Message m = message;
        for (int depth = 0; depth < 4; depth++) {
            if (m.hasEphemeralMessage()) {
                m = m.getEphemeralMessage().getMessage();
            } else if (m.hasViewOnceMessage()) {
                m = m.getViewOnceMessage().getMessage();
            } else if (m.hasViewOnceMessageV2()) {
                m = m.getViewOnceMessageV2().getMessage();
            } else if (m.hasDocumentWithCaptionMessage()) {
                m = m.getDocumentWithCaptionMessage().getMessage();
            } else {
                return m;
            }
        }
        return m;
    }

    private static byte[] bytes(boolean present, com.google.protobuf.ByteString value) {
        return present && !value.isEmpty() ? value.toByteArray() : null;
    }

    private static byte[] hash(byte[] value, String name) {
        if (value == null) {
            return null;
        }
        if (value.length != 32) {
            throw new IllegalArgumentException(name + " is a 32-byte SHA-256, got " + value.length + " bytes");
        }
        return value.clone();
    }
}
