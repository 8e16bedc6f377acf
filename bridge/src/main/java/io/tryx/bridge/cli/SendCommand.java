package io.tryx.bridge.cli;

import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.messages.SendMessage;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code tryx send}: sends a text or a file (by URL) through the bridge and prints the command's result. */
@CommandLine.Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a text message or a file by URL (--media): puts a SendMessage command on the commands topic and prints its "
                + "CommandResult as JSON. Exit 0 when it succeeded, 1 when it failed or timed out.")
public final class SendCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT", converter = Jids.AccountConverter.class,
            description = "The account to send as: phone number or <number>@s.whatsapp.net.")
    String account;

    @Option(names = "--to", required = true, paramLabel = "JID", converter = Jids.ChatConverter.class,
            description = "The chat: phone number, user JID or group JID (…@g.us).")
    String to;

    @Mixin
    SendContent content;

    @Option(names = "--command-id", paramLabel = "ID", description = "Command id (default: a random UUID); reuse it to retry idempotently.")
    String commandId;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the result (default ${DEFAULT-VALUE}).")
    Duration timeout;

    private final CliContext context;

    SendCommand(CliContext context) {
        this.context = context;
    }

    /** The command this invocation sends. */
    Command command() {
        return Command.newBuilder()
                .setCommandId(commandId != null ? commandId : UUID.randomUUID().toString())
                .setAccount(account)
                .setIssuedAt(Instant.now())
                .setAction(SendMessage.newBuilder().setChat(to)
                        .setContent(content.content()).build())
                .build();
    }

    @Override
    public Integer call() {
        return CommandPrinter.execute(context, client.endpoints(context), command(), timeout);
    }
}
