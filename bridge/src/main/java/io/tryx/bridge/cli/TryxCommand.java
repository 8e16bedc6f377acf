package io.tryx.bridge.cli;

import io.tryx.bridge.client.BridgeClientException;
import io.tryx.bridge.config.ConfigException;
import io.tryx.bridge.demo.SimulatorAdminException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code tryx} command line: {@code run}, {@code demo}, {@code accounts list|add|remove}, {@code send},
 * {@code tail}. Exit status: 0 done, 1 failed (a command's failure, no bridge, Kafka trouble), 2 bad usage or
 * configuration (the message says which setting and where it came from).
 */
@Command(name = "tryx", mixinStandardHelpOptions = true, version = "Tryx Bridge 0.1.0",
        description = "WhatsApp <-> Apache Kafka bridge.",
        footer = {"", "Configuration: flags > environment (TRYX_*) > --config file (default ./tryx.yaml) > defaults."})
public final class TryxCommand implements Runnable {

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command: run, demo, accounts, send or tail");
    }

    /** The command line wired to {@code context}. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine accounts = new CommandLine(new AccountsCommand())
                .addSubcommand(new AccountsCommand.ListAccounts(context))
                .addSubcommand(new AccountsCommand.AddAccountCommand(context))
                .addSubcommand(new AccountsCommand.RemoveAccountCommand(context));
        CommandLine line = new CommandLine(new TryxCommand())
                .addSubcommand(new RunCommand(context))
                .addSubcommand(new DemoCommand(context))
                .addSubcommand("accounts", accounts)
                .addSubcommand(new SendCommand(context))
                .addSubcommand(new TailCommand(context));
        line.setOut(new PrintWriter(context.out(), true));
        line.setErr(new PrintWriter(context.err(), true));
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(context, e));
        return line;
    }

    /** Runs {@code args}; returns the exit status. */
    public static int execute(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    private static int failure(CliContext context, Exception e) {
        if (e instanceof ConfigException config) {
            context.err().println("tryx: configuration error: " + config.getMessage());
            return USAGE;
        }
        if (e instanceof BridgeClientException || e instanceof SimulatorAdminException) {
            context.err().println("tryx: " + e.getMessage());
            return FAILED;
        }
        context.err().println("tryx: failed: " + e);
        e.printStackTrace(context.err());
        return FAILED;
    }
}
