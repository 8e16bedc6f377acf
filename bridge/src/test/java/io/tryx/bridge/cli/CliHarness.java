package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeStarter;
import io.tryx.bridge.demo.PhoneChatDemo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Runs the {@code tryx} command line in-process with captured output, a given environment and working directory. */
final class CliHarness {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final CliContext context;

    CliHarness(Path workingDir, Map<String, String> env, Optional<BridgeStarter> starter) {
        this.context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, workingDir, starter, new PhoneChatDemo(), shutdown);
    }

    CliHarness(Path workingDir) {
        this(workingDir, Map.of(), Optional.empty());
    }

    /** Runs to the end; returns the exit status. */
    int run(String... args) {
        return TryxCommand.execute(context, args);
    }

    /** Runs in the background. */
    CompletableFuture<Integer> start(String... args) {
        return CompletableFuture.supplyAsync(() -> TryxCommand.execute(context, args));
    }

    /** As SIGTERM would. */
    void stop() {
        shutdown.requestStop();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
