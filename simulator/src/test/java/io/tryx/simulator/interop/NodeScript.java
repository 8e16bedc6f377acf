package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A long-running script of {@code test-support/node/scripts} speaking one JSON object per line. Every stdout
 * line is kept in {@link #events()} (for Awaitility); stderr is kept for failure messages. The system
 * property {@code tryx.interop} decides what missing node/npm peers mean: {@code auto} skips the test,
 * {@code required} fails it, {@code off} always skips.
 */
public final class NodeScript implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final StringBuffer stderr = new StringBuffer();

    private NodeScript(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("node-stdout").start(() -> pump(true));
        Thread.ofPlatform().daemon().name("node-stderr").start(() -> pump(false));
    }

    /** Starts {@code scripts/<script>} with these arguments, after checking interop tests may run. */
    public static NodeScript start(String script, String... args) {
        return start(java.util.Map.of(), script, args);
    }

    /** As {@link #start(String, String...)} with extra environment variables (e.g. {@code NODE_EXTRA_CA_CERTS}). */
    public static NodeScript start(java.util.Map<String, String> env, String script, String... args) {
        Path home = home();
        List<String> command = new ArrayList<>(List.of("node", home.resolve("scripts").resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
            builder.environment().putAll(env);
            return new NodeScript(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code test-support/node} folder; skips or fails (per {@code tryx.interop}) when peers are missing. */
    public static Path home() {
        return io.tryx.protocol.interop.NodePeer.home();
    }

    /** Every JSON line printed so far, in order. */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** The last event named {@code name}. */
    public Optional<JsonNode> last(String name) {
        List<JsonNode> all = events();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (name.equals(all.get(i).path("event").asText())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    public long count(String name) {
        return events().stream().filter(e -> name.equals(e.path("event").asText())).count();
    }

    /** Sends one line to stdin. */
    public void send(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stderr() {
        return stderr.toString();
    }

    /** Waits for the process to exit by itself. */
    public boolean waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "events=" + events + "\nstderr (tail)=" + tail(stderr.toString(), 4000);
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    private void pump(boolean out) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                out ? process.getInputStream() : process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!out) {
                    stderr.append(line).append('\n');
                } else if (line.startsWith("{")) {
                    try {
                        events.add(JSON.readTree(line));
                    } catch (IOException e) {
                        stderr.append("unparsable stdout line: ").append(line).append('\n');
                    }
                } else {
                    stderr.append("stdout: ").append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
