package io.tryx.simulator.media;

import io.tryx.protocol.media.EncryptedMedia;
import io.tryx.protocol.media.MediaEncryptor;
import io.tryx.protocol.media.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Uploaded media, one file per blob in a private temporary directory, found again by direct path. Uploads
 * stream into a temporary file while their SHA-256 is computed, so memory stays flat whatever the size.
 */
public final class MediaBlobs implements AutoCloseable {

    /** A stored blob. */
    public record Blob(String directPath, long size, byte[] sha256, Path file) {
    }

    private final Path directory;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Blob> byPath = new ConcurrentHashMap<>();
    private final AtomicLong storedBytes = new AtomicLong();

    public MediaBlobs() {
        try {
            this.directory = Files.createTempDirectory("tryx-sim-media");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media directory", e);
        }
    }

    /** Starts an upload; the caller writes the body, then {@link Upload#finish()} or {@link Upload#abort()}. */
    public Upload begin() {
        try {
            return new Upload(Files.createTempFile(directory, "upload", ".part"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Encrypts {@code plaintext} as a client would for an upload of {@code type} (fresh media key) and stores
     * it, as the simulator's own devices do for app-state snapshots and history sync blobs.
     */
    public Encrypted storeEncrypted(byte[] plaintext, MediaType type) {
        return storeEncrypted(new ByteArrayInputStream(plaintext), type);
    }

    /**
     * Encrypts the stream {@code plaintext} (read to its end, not closed) with a fresh media key of {@code type}
     * and stores the result, in constant memory: what the mock phones upload for the media messages they send.
     */
    public Encrypted storeEncrypted(InputStream plaintext, MediaType type) {
        MediaEncryptor encryptor = MediaEncryptor.start(type);
        Upload upload = begin();
        try {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = plaintext.read(buffer)) != -1) {
                upload.write(encryptor.update(buffer, 0, n));
            }
            upload.write(encryptor.finish());
            return new Encrypted(upload.finish(upload.digest()), encryptor.result());
        } catch (IOException e) {
            upload.abort();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
    }

    /** A blob stored by {@link #storeEncrypted}: where it is and the keys and hashes to find and open it. */
    public record Encrypted(Blob blob, EncryptedMedia media) {
    }

    /** The blob stored at {@code directPath} (query string ignored). */
    public Optional<Blob> find(String directPath) {
        int query = directPath.indexOf('?');
        return Optional.ofNullable(byPath.get(query < 0 ? directPath : directPath.substring(0, query)));
    }

    /** How many blobs and bytes are stored. */
    public long count() {
        return byPath.size();
    }

    public long storedBytes() {
        return storedBytes.get();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(f -> f.toFile().delete());
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One upload in progress. Not thread-safe: it belongs to one HTTP request. */
    public final class Upload {
        private final Path temp;
        private final OutputStream out;
        private final MessageDigest sha256;
        private long size;

        private Upload(Path temp) throws IOException {
            this.temp = temp;
            this.out = Files.newOutputStream(temp);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public void write(byte[] chunk) {
            try {
                out.write(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sha256.update(chunk);
            size += chunk.length;
        }

        public long size() {
            return size;
        }

        /** The SHA-256 of everything written; call once, before {@link #finish()}. */
        public byte[] digest() {
            return sha256.digest();
        }

        /** Stores the blob under a new direct path in the style of WhatsApp's ({@code /v/t62.7118-24/...enc}). */
        public Blob finish(byte[] digest) {
            try {
                out.close();
                byte[] id = new byte[16];
                random.nextBytes(id);
                String name = HexFormat.of().formatHex(id);
                Path file = directory.resolve(name + ".enc");
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                Blob blob = new Blob("/v/t62.7118-24/" + name + ".enc", size, digest, file);
                byPath.put(blob.directPath(), blob);
                storedBytes.addAndGet(size);
                return blob;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void abort() {
            try {
                out.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
