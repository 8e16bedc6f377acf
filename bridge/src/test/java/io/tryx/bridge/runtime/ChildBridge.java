package io.tryx.bridge.runtime;

import io.tryx.simulator.Simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge as a child JVM ({@code java -jar tryx-bridge.jar run}, Kafka store) with the fixture's Kafka, registry,
 * prefix and simulator, for tests that kill it (SIGKILL, no shutdown hook) or pause it (SIGSTOP/SIGCONT). Its
 * stderr goes to {@code target/<logDir>/child-<n>.log}.
 */
final class ChildBridge implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(120);

    private final ProcessBuilder builder;
    private final Path logs;
    private final String name;
    private Process process;
    private int starts;

    ChildBridge(BridgeFixture fixture, Simulator simulator, Path dataDir, String logDir) {
        this(fixture, simulator, dataDir, logDir, "child");
    }

    ChildBridge(BridgeFixture fixture, Simulator simulator, Path dataDir, String logDir, String name) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", System.getProperty("tryx.bridge.jar"), "run");
        this.logs = Path.of("target", logDir);
        this.name = name;
        this.builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("TRYX_KAFKA_BOOTSTRAP_SERVERS", fixture.env.bootstrapServers());
        environment.put("TRYX_SCHEMA_REGISTRY_URL", fixture.env.registryUrl());
        environment.put("TRYX_TOPIC_PREFIX", fixture.prefix);
        environment.put("TRYX_STORE", "kafka");
        environment.put("TRYX_HTTP_PORT", "0");
        environment.put("TRYX_DATA_DIR", dataDir.resolve(name).toString());
        environment.put("TRYX_WHATSAPP_CHAT_URL", simulator.chatUrl());
        environment.put("TRYX_WHATSAPP_NOISE_ROOT", Base64.getEncoder().encodeToString(simulator.rootPublicKey()));
        environment.put("TRYX_WORKERS", "8");
    }

    /** Starts the child and waits until it printed {@code TRYX READY}. */
    void start() throws IOException {
        starts++;
        Files.createDirectories(logs);
        builder.redirectError(logs.resolve(name + "-" + starts + ".log").toFile());
        process = builder.start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Process started = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("TRYX READY ")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the child bridge exited before it was ready"));
        });
        ready.orTimeout(START.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** SIGKILL: no shutdown hook, no flush, no transaction ended. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGSTOP: the process freezes (a zombie-to-be: its sessions and group membership time out). */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a paused process runs on, believing it still owns what it had. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
