package io.tryx.protocol.client.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** The plain bytes of a file to upload, opened once per upload and read to the end in 64 KiB steps. */
@FunctionalInterface
public interface MediaSource {

    /** Opens the bytes; the uploader closes the stream. */
    InputStream open() throws IOException;

    /** A file, streamed from disk. */
    static MediaSource of(Path file) {
        Objects.requireNonNull(file, "file");
        return () -> Files.newInputStream(file);
    }

    /** Bytes in memory (small media such as stickers and thumbnails). */
    static MediaSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }

    /** A stream, read once: a second upload from it fails. The uploader closes it. */
    static MediaSource of(InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        AtomicBoolean used = new AtomicBoolean();
        return () -> {
            if (used.getAndSet(true)) {
                throw new IOException("the stream of this media source was read already");
            }
            return stream;
        };
    }
}
