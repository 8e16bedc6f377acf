package io.tryx.simulator.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A {@link CrashClient} in a child JVM (this JVM's {@code java} and class path): its stdout lines are collected
 * as they come, its stderr appended to a file. {@link #kill()} is {@link Process#destroyForcibly()}, SIGKILL on
 * Linux: no shutdown hook, no flush, no close runs in the child.
 */
final class ChildClient implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final long startedNanos = System.nanoTime();

    private ChildClient(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process died: its stream ends
            }
        });
    }

    /** Starts {@code CrashClient args...}; the child's stderr goes to {@code stderr} (appended). */
    static ChildClient start(Path stderr, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), CrashClient.class.getName()));
        command.addAll(args);
        try {
            return new ChildClient(new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a stdout line starting with {@code prefix}; returns its rest. */
    String awaitLine(String prefix, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(10)).failFast("child exited", () -> !process.isAlive())
                .until(() -> line(prefix).isPresent());
        return line(prefix).orElseThrow();
    }

    Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim()).findFirst();
    }

    /** Nanoseconds since the process was started. */
    long ageNanos() {
        return System.nanoTime() - startedNanos;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
