package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.community.CreateCommunity;
import io.tryx.commands.v1.community.LinkGroup;
import io.tryx.commands.v1.community.UnlinkGroup;
import io.tryx.protocol.client.community.Communities;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code community} namespace, each action one round trip through the account's {@link Communities}:
 * {@code CreateCommunity} answers with the community's {@code GroupMetadata}, {@code LinkGroup} and
 * {@code UnlinkGroup} act only. The server's refusals become {@code SERVER_ERROR} with its code (401 not an admin of
 * the community or the group, 404 no such group, 406 not a community or the announcement group, 409 linked already).
 */
final class CommunityCommands implements NamespaceHandler {

    private final AccountHost host;

    CommunityCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(CreateCommunity.class, LinkGroup.class, UnlinkGroup.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        Object action = command.getAction();
        Communities communities = GroupCommands.client(host, command.getAccount()).community();
        return switch (action) {
            case CreateCommunity create -> {
                if (create.getSubject().isBlank()) {
                    throw CommandFailure.invalid("CreateCommunity needs a non-blank subject");
                }
                yield communities.create(create.getSubject(), GroupCommands.users(create.getParticipants(), true))
                        .thenApply(GroupCommands::metadata);
            }
            case LinkGroup link -> GroupCommands.done(communities.link(GroupCommands.group(link.getCommunity()),
                    GroupCommands.group(link.getGroup())));
            case UnlinkGroup unlink -> GroupCommands.done(communities.unlink(GroupCommands.group(unlink.getCommunity()),
                    GroupCommands.group(unlink.getGroup())));
            default -> throw new IllegalArgumentException("not a community action: " + action);
        };
    }
}
