package io.tryx.protocol.interop;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs our node scripts in {@code test-support/node/scripts} against the pinned independent
 * implementations (Baileys, libsignal) installed there by {@code npm ci}.
 *
 * <p>The system property {@code tryx.interop} decides what a missing node or missing npm peers mean:
 * {@code auto} (default) skips the calling test, {@code required} (CI) fails it, {@code off} always skips.
 */
public final class NodePeer {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private NodePeer() {
    }

    /** The {@code test-support/node} folder, after checking that interop tests may run here. */
    public static Path home() {
        String mode = System.getProperty("tryx.interop", "auto");
        if (mode.equals("off")) {
            Assumptions.abort("interop tests disabled (tryx.interop=off)");
        }
        Path home = locateHome();
        String problem = null;
        if (home == null) {
            problem = "test-support/node not found above " + Paths.get("").toAbsolutePath();
        } else if (!Files.isDirectory(home.resolve("node_modules/@whiskeysockets/baileys"))
                || !Files.isDirectory(home.resolve("node_modules/libsignal"))) {
            problem = "npm peers not installed: run `npm ci` in " + home;
        } else if (!nodeAvailable()) {
            problem = "node is not on the PATH";
        }
        if (problem != null) {
            if (mode.equals("required")) {
                throw new IllegalStateException("interop tests are required but cannot run: " + problem);
            }
            Assumptions.abort(problem);
        }
        return home;
    }

    /** Runs a script to completion with the given stdin and returns its stdout; fails on a non-zero exit. */
    public static byte[] run(String script, byte[] stdin, String... args) {
        Path home = home();
        try {
            Process process = start(home, script, args);
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish in " + DEFAULT_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " exited " + process.exitValue() + ": " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a script to completion with UTF-8 text on stdin and returns its stdout as UTF-8. */
    public static String runText(String script, String stdin, String... args) {
        return new String(run(script, stdin.getBytes(StandardCharsets.UTF_8), args), StandardCharsets.UTF_8);
    }

    /** Starts a long-lived script that talks in lines (typically one JSON document per line). */
    public static LineSession open(String script, String... args) {
        Path home = home();
        try {
            return new LineSession(start(home, script, args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(Path home, String script, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("node", home.resolve("scripts").resolve(script).toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile()).start();
    }

    private static Path locateHome() {
        String root = System.getProperty("tryx.repoRoot");
        if (root != null && Files.isDirectory(Paths.get(root, "test-support", "node"))) {
            return Paths.get(root, "test-support", "node").toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("test-support").resolve("node");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A running script exchanging newline-terminated messages on stdin/stdout. */
    public static final class LineSession implements AutoCloseable {
        private static final String EOF = "\u0000EOF";
        private final Process process;
        private final OutputStream stdin;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder stderr = new StringBuilder();

        private LineSession(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
            Thread.ofPlatform().daemon().name("node-stdout").start(() -> pump(
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
            Thread.ofPlatform().daemon().name("node-stderr").start(() -> pump(
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
        }

        private void pump(BufferedReader reader, boolean out) {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (out) {
                        lines.add(line);
                    } else {
                        synchronized (stderr) {
                            stderr.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended; EOF below tells the reader
            } finally {
                if (out) {
                    lines.add(EOF);
                }
            }
        }

        /** Writes one line to the script. */
        public void send(String line) {
            try {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("node script stopped reading; stderr: " + stderr(), e);
            }
        }

        /** Waits for the next line, failing if the script ends or stays silent longer than the timeout. */
        public String receive(Duration timeout) {
            try {
                String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw new IllegalStateException("no line from node within " + timeout + "; stderr: " + stderr());
                }
                if (line.equals(EOF)) {
                    lines.add(EOF);
                    throw new IllegalStateException("node script ended; stderr: " + stderr());
                }
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits for the next line with the default timeout. */
        public String receive() {
            return receive(DEFAULT_TIMEOUT);
        }

        public String stderr() {
            synchronized (stderr) {
                return stderr.toString();
            }
        }

        @Override
        public void close() {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
