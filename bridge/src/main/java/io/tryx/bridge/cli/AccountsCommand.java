package io.tryx.bridge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import io.tryx.commands.v1.account.RemoveAccount;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code tryx accounts list|add|remove}. */
@CommandLine.Command(name = "accounts", mixinStandardHelpOptions = true, description = "Manage the bridge's accounts.")
public final class AccountsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: list, add or remove");
    }

    /** {@code accounts list}: what the running bridge reports at {@code /api/accounts}. */
    @CommandLine.Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the running bridge's accounts (from its status endpoint).")
    public static final class ListAccounts implements Callable<Integer> {

        @Mixin
        ClientOptions client;

        @Option(names = "--json", description = "Print the accounts as a JSON array.")
        boolean json;

        private final CliContext context;

        ListAccounts(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws JsonProcessingException {
            List<AccountStatus> accounts = client.status(client.config(context)).accounts();
            if (json) {
                List<Map<String, Object>> list = accounts.stream().map(ListAccounts::json).toList();
                context.out().println(new ObjectMapper().writeValueAsString(list));
            } else {
                context.out().printf("%-32s %-22s %-36s %s%n", "ACCOUNT", "STATE", "DEVICE", "PAIRING");
                for (AccountStatus a : accounts) {
                    String pairing = a.qrCode().map(qr -> "QR code (see the status page)")
                            .or(() -> a.pairCode().map(code -> "pair code " + code)).orElse("");
                    context.out().printf("%-32s %-22s %-36s %s%n", a.accountId(), a.state(), a.jid().orElse("-"), pairing);
                }
            }
            context.out().flush();
            return 0;
        }

        private static Map<String, Object> json(AccountStatus a) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("accountId", a.accountId());
            map.put("jid", a.jid().orElse(null));
            map.put("state", a.state());
            map.put("qrCode", a.qrCode().orElse(null));
            map.put("pairCode", a.pairCode().orElse(null));
            return map;
        }
    }

    /** {@code accounts add}: an {@code AddAccount} command. */
    @CommandLine.Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account: the bridge starts pairing it (QR code, or pair code with --pair-code) "
                    + "and shows the code on its status page and terminal. Prints the CommandResult.")
    public static final class AddAccountCommand implements Callable<Integer> {

        @Mixin
        ClientOptions client;

        @Parameters(index = "0", paramLabel = "ACCOUNT", converter = Jids.AccountConverter.class,
                description = "Phone number or <number>@s.whatsapp.net.")
        String account;

        @Option(names = "--pair-code", description = "Pair by typing a code on the phone instead of scanning a QR code.")
        boolean pairCode;

        @Option(names = "--device-name", paramLabel = "NAME", description = "Name the phone shows for the linked device.")
        String deviceName;

        @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "How long to wait for the result (default ${DEFAULT-VALUE}).")
        Duration timeout;

        private final CliContext context;

        AddAccountCommand(CliContext context) {
            this.context = context;
        }

        Command command() {
            return Command.newBuilder().setCommandId(UUID.randomUUID().toString()).setAccount(account)
                    .setIssuedAt(Instant.now())
                    .setAction(AddAccount.newBuilder().setMode(pairCode ? PairingMode.PAIR_CODE : PairingMode.QR)
                            .setDeviceName(deviceName).build())
                    .build();
        }

        @Override
        public Integer call() {
            return CommandPrinter.execute(context, client.endpoints(context), command(), timeout);
        }
    }

    /** {@code accounts remove}: a {@code RemoveAccount} command. */
    @CommandLine.Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove an account: log it out and delete what the bridge stores for it. Prints the CommandResult.")
    public static final class RemoveAccountCommand implements Callable<Integer> {

        @Mixin
        ClientOptions client;

        @Parameters(index = "0", paramLabel = "ACCOUNT", converter = Jids.AccountConverter.class,
                description = "Phone number or <number>@s.whatsapp.net.")
        String account;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the bridge's log.")
        String reason;

        @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "How long to wait for the result (default ${DEFAULT-VALUE}).")
        Duration timeout;

        private final CliContext context;

        RemoveAccountCommand(CliContext context) {
            this.context = context;
        }

        Command command() {
            return Command.newBuilder().setCommandId(UUID.randomUUID().toString()).setAccount(account)
                    .setIssuedAt(Instant.now())
                    .setAction(RemoveAccount.newBuilder().setReason(reason).build())
                    .build();
        }

        @Override
        public Integer call() {
            return CommandPrinter.execute(context, client.endpoints(context), command(), timeout);
        }
    }
}
