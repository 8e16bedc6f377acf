package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tryx run}: runs the bridge from the configuration until SIGTERM/SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the bridge (embedded Kafka and schema registry unless bootstrap servers are configured).",
                "Prints one line 'TRYX READY {json}' on stdout when ready; logs go to stderr; stops on SIGTERM/SIGINT."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    RunOptions run;

    private final CliContext context;

    RunCommand(CliContext context) {
        this.context = context;
    }

    /** The configuration this invocation resolves to (checked before anything starts). */
    BridgeConfig config() {
        return kafka.load(context, run.flagValues());
    }

    @Override
    public Integer call() throws Exception {
        BridgeConfig config = config();
        return BridgeSession.run(context, config, Map.of(), runtime -> () -> { });
    }
}
