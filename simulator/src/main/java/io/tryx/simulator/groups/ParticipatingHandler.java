package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqHandler;

import java.util.List;
import java.util.Optional;

/**
 * {@code iq get xmlns=w:g2 to=@g.us <participating><participants/><description/></participating>}: every
 * group the sender is in, as {@code <groups><group>...</group>...</groups>} (each with participants and
 * description, whatever the request lists).
 */
public final class ParticipatingHandler implements IqHandler {

    private final GroupContext context;

    public ParticipatingHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        List<Node> groups = context.registry().groupsOf(actor).stream().map(g -> GroupNodes.group(g.view())).toList();
        return Optional.of(List.of(Node.builder("groups").children(groups).build()));
    }
}
