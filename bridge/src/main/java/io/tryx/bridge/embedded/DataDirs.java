package io.tryx.bridge.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the data directories the embedded servers created for themselves. */
final class DataDirs {

    private DataDirs() {
    }

    /** Deletes {@code dir} and everything below it; what cannot be deleted is left (best effort on shutdown). */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a leftover file in a temp directory is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }
}
