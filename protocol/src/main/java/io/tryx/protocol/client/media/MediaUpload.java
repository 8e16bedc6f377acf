package io.tryx.protocol.client.media;

import io.tryx.protocol.media.MediaType;

import java.util.Objects;

/**
 * An uploaded media file: where the media host put it ({@code url}, {@code directPath}, {@code handle}) and what a
 * message needs to describe it: media key, SHA-256 of the plain and of the encrypted file, plain length and, for
 * audio and video, the streaming sidecar (empty otherwise).
 */
public record MediaUpload(MediaType type, String url, String directPath, String handle, byte[] mediaKey,
                          byte[] fileSha256, byte[] fileEncSha256, long fileLength, byte[] streamingSidecar) {

    public MediaUpload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(directPath, "directPath");
        handle = handle == null ? "" : handle;
        mediaKey = mediaKey.clone();
        fileSha256 = fileSha256.clone();
        fileEncSha256 = fileEncSha256.clone();
        streamingSidecar = streamingSidecar.clone();
    }

    @Override
    public byte[] mediaKey() {
        return mediaKey.clone();
    }

    @Override
    public byte[] fileSha256() {
        return fileSha256.clone();
    }

    @Override
    public byte[] fileEncSha256() {
        return fileEncSha256.clone();
    }

    @Override
    public byte[] streamingSidecar() {
        return streamingSidecar.clone();
    }

    /** The reference a receiver downloads this upload with. */
    public MediaRef ref() {
        return new MediaRef(directPath, url, mediaKey, type, fileSha256, fileEncSha256, fileLength);
    }
}
