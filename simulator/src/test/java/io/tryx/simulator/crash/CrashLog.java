package io.tryx.simulator.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The append-only log a {@link CrashClient} keeps and {@link ClientCrashSafetyTest} reads: one tab-separated line
 * per entry, each write forced to disk ({@link FileChannel#force}) before {@link #append} returns. A line cut short
 * by a kill has no newline and is not read. Thread-safe within one process.
 */
final class CrashLog {

    /** One line: {@code R id text} received, {@code U id reason} undecryptable, {@code S id index} sent and acked. */
    record Entry(char kind, String id, String value) {

        static Entry received(String id, String text) {
            return new Entry('R', id, text);
        }

        static Entry undecryptable(String id, String reason) {
            return new Entry('U', id, reason);
        }

        static Entry sent(String id, int index) {
            return new Entry('S', id, Integer.toString(index));
        }

        String line() {
            return kind + "\t" + id + "\t" + value.replace('\n', ' ').replace('\t', ' ') + "\n";
        }
    }

    private final Path file;

    CrashLog(Path file) {
        this.file = file;
    }

    synchronized void append(Entry entry) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(entry.line().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a listener that throws: the message is not acknowledged
        }
    }

    /** The complete entries written so far, in order. */
    synchronized List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            String[] parts = text.substring(start, end).split("\t", 3);
            entries.add(new Entry(parts[0].charAt(0), parts[1], parts.length > 2 ? parts[2] : ""));
        }
        return entries;
    }

    /** The indexes of the sent entries. */
    static Set<Integer> sentIndexes(List<Entry> entries) {
        return entries.stream().filter(e -> e.kind() == 'S').map(e -> Integer.parseInt(e.value())).collect(Collectors.toSet());
    }

    /** The distinct ids of the received entries. */
    static Set<String> receivedIds(List<Entry> entries) {
        return entries.stream().filter(e -> e.kind() == 'R').map(Entry::id).collect(Collectors.toSet());
    }
}
