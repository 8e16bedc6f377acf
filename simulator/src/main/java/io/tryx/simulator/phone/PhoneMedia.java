package io.tryx.simulator.phone;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.media.EncryptedMedia;
import io.tryx.protocol.media.MediaDecryptor;
import io.tryx.protocol.media.MediaType;
import io.tryx.simulator.media.MediaBlobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The mock phones' side of the media host: they upload what they send straight into the simulator's
 * {@link MediaBlobs} (the store the {@code /mms/...} endpoint writes; no HTTP round trip to themselves), and
 * download what they receive by direct path from it, decrypting with every check a client makes (the file MAC,
 * {@code fileEncSha256}, {@code fileSha256}). Thread-safe.
 */
public final class PhoneMedia {

    private final MediaBlobs blobs;
    private final Supplier<String> baseUrl;

    /** {@code baseUrl} gives the media host's {@code https://host:port}, known once the server is bound. */
    public PhoneMedia(MediaBlobs blobs, Supplier<String> baseUrl) {
        this.blobs = blobs;
        this.baseUrl = baseUrl;
    }

    /** An upload: where the ciphertext is and what the message must carry to find and open it. */
    public record Uploaded(String url, String directPath, EncryptedMedia media) {
    }

    /** The plaintext of a downloaded media file: its length and SHA-256 (hex). */
    public record Opened(long size, String sha256) {
    }

    /** Why a media file could not be fetched or opened. */
    public static final class MediaException extends RuntimeException {
        MediaException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What a received media message says about its file. */
    public record Reference(String directPath, byte[] mediaKey, MediaType type, byte[] fileSha256, byte[] fileEncSha256) {
    }

    /** Encrypts and stores the plaintext of {@code source} for an upload of {@code type}. */
    public Uploaded upload(MediaSource source, MediaType type) {
        try (InputStream in = source.open()) {
            MediaBlobs.Encrypted stored = blobs.storeEncrypted(in, type);
            String directPath = stored.blob().directPath();
            return new Uploaded(baseUrl.get() + directPath, directPath, stored.media());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Downloads the file {@code reference} names from the media store and decrypts it.
     *
     * @throws MediaException when no file is stored there, it cannot be read, or a MAC or hash check fails
     */
    public Opened open(Reference reference) {
        if (reference.directPath() == null || reference.directPath().isEmpty()) {
            throw new MediaException("the message has no direct path", null);
        }
        Optional<MediaBlobs.Blob> blob = blobs.find(reference.directPath());
        if (blob.isEmpty()) {
            throw new MediaException("no media at " + reference.directPath(), null);
        }
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(blob.get().file());
             OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            MediaDecryptor decryptor = MediaDecryptor.start(reference.mediaKey(), reference.type(),
                    reference.fileSha256(), reference.fileEncSha256());
            long size = MediaDecryptor.decrypt(in, out, decryptor);
            return new Opened(size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new MediaException("cannot read " + reference.directPath() + ": " + e.getMessage(), e);
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new MediaException(e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
