package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeStarter;
import io.tryx.bridge.demo.DemoScript;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commands get from their surroundings, so tests can run them in-process: standard output (results
 * and the ready line only) and error (messages, QR codes), the environment, the working directory, the runtime
 * to start (absent when none is on the class path), the demo script and the stop signal.
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path workingDir,
                         Optional<BridgeStarter> starter, DemoScript demoScript, ShutdownSignal shutdown) {

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(demoScript, "demoScript");
        Objects.requireNonNull(shutdown, "shutdown");
    }
}
