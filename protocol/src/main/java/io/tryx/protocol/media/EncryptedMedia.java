package io.tryx.protocol.media;

/**
 * What a media message needs to describe an upload: the media key, SHA-256 of the plain and of the
 * encrypted file (ciphertext followed by its 10-byte MAC), the plain length, and the streaming sidecar
 * for audio and video (empty otherwise).
 */
public record EncryptedMedia(byte[] mediaKey, byte[] fileSha256, byte[] fileEncSha256, long fileLength,
                             long encryptedLength, byte[] streamingSidecar) {
}
