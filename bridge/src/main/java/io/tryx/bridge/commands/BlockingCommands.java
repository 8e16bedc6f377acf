package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.commands.v1.Blocklist;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.blocking.BlockUser;
import io.tryx.commands.v1.blocking.GetBlocklist;
import io.tryx.commands.v1.blocking.UnblockUser;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.blocking.BlockedUser;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.tryx.bridge.commands.AccountClients.checked;
import static io.tryx.bridge.commands.AccountClients.user;
import static io.tryx.bridge.commands.ContactCommands.payload;

/**
 * The {@code blocking} namespace: {@code GetBlocklist} asks the server (no copy is kept, so {@code refresh} changes
 * nothing), {@code BlockUser} / {@code UnblockUser} change the list; each answers the list as a {@code Blocklist}
 * naming every user by phone-number JID when the server gave it, else by LID. A user without account is
 * {@code NOT_FOUND}.
 */
final class BlockingCommands implements NamespaceHandler {

    private final AccountHost host;

    BlockingCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(GetBlocklist.class, BlockUser.class, UnblockUser.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        WhatsAppClient client = AccountClients.connected(host, command.getAccount());
        return switch (command.getAction()) {
            case GetBlocklist ignored -> client.blocking().list().thenApply(BlockingCommands::blocklist);
            case BlockUser block -> checked(() -> client.blocking().block(user(block.getUser())))
                    .thenApply(BlockingCommands::blocklist);
            case UnblockUser unblock -> checked(() -> client.blocking().unblock(user(unblock.getUser())))
                    .thenApply(BlockingCommands::blocklist);
            default -> throw new IllegalArgumentException("not a blocking action: " + command.getAction());
        };
    }

    private static CommandSucceeded blocklist(io.tryx.protocol.client.blocking.Blocklist list) {
        return payload(Blocklist.newBuilder().setUsers(list.users().stream().map(BlockingCommands::name).toList()).build());
    }

    private static String name(BlockedUser user) {
        return (user.phone() != null ? user.phone() : user.jid()).toString();
    }
}
