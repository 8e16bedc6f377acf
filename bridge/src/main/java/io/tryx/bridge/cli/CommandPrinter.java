package io.tryx.bridge.cli;

import io.tryx.bridge.client.AvroJson;
import io.tryx.bridge.client.BridgeClientException;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.client.CommandClient;
import io.tryx.commands.v1.Command;

import java.time.Duration;
import java.util.Optional;

/**
 * Sends one command through a {@link CommandClient} and prints its {@code CommandResult} as one line of JSON on
 * standard output. Exit status 0 when the command succeeded, 1 when it failed or no result came in time.
 */
final class CommandPrinter {

    private CommandPrinter() {
    }

    static int execute(CliContext context, BridgeEndpoints endpoints, Command command, Duration timeout) {
        context.err().println("sending " + command.getAction().getClass().getSimpleName() + " " + command.getCommandId()
                + " for " + command.getAccount() + " to " + endpoints.topics().commands());
        Optional<CommandClient.Outcome> outcome;
        try (CommandClient client = new CommandClient(endpoints)) {
            outcome = client.execute(command, timeout);
        }
        if (outcome.isEmpty()) {
            throw new BridgeClientException("no result for command " + command.getCommandId() + " on "
                    + endpoints.topics().commandResults() + " within " + timeout.toSeconds()
                    + " s: is the bridge running and consuming " + endpoints.topics().commands() + "?");
        }
        context.out().println(AvroJson.of(outcome.get().result()));
        context.out().flush();
        return outcome.get().succeeded() ? 0 : 1;
    }
}
