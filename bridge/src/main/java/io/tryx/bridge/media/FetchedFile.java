package io.tryx.bridge.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A fetched file in a temporary location, deleted on {@link #close()}.
 *
 * @param file        the temporary file
 * @param size        its length in bytes
 * @param contentType the server's {@code Content-Type}, when it sent one
 */
public record FetchedFile(Path file, long size, Optional<String> contentType) implements AutoCloseable {

    public FetchedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary directory is cleaned by the system
        }
    }
}
