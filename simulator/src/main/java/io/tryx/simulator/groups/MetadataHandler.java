package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqHandler;

import java.util.List;
import java.util.Optional;

/**
 * {@code iq get xmlns=w:g2 to=<group> <query request="interactive"/>}: the group's metadata as
 * {@code <group>} (see {@link GroupNodes}). Unknown group 404, a sender who is no participant 403.
 */
public final class MetadataHandler implements IqHandler {

    private final GroupContext context;

    public MetadataHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Group group = context.group(iq);
        context.member(group, actor);
        return Optional.of(List.of(GroupNodes.group(group.view())));
    }
}
