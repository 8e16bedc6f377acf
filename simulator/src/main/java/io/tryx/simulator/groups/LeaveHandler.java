package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code iq set xmlns=w:g2 to=@g.us <leave><group id/>...</leave>}: the sender leaves each listed group
 * ({@code id} a group JID or bare id), answered {@code <leave><group id error?/>...</leave>} with 404 for an
 * unknown group and 403 for one the sender is not in. Everyone in the group, the leaver included, gets
 * {@code <notification type="w:gp2" participant=leaver><remove><participant jid/></remove>}, which clients
 * read as "left"; a group left empty is forgotten.
 */
public final class LeaveHandler implements IqHandler {

    private final GroupContext context;

    public LeaveHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        List<Node> groups = GroupContext.operation(iq).children("group");
        if (groups.isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "leave without groups");
        }
        List<Node> results = new ArrayList<>();
        for (Node each : groups) {
            String id = each.attrs().optionalString("id").orElse("");
            Node.Builder result = Node.builder("group").attr("id", id);
            Optional<Group> group = context.registry().find(id);
            if (group.isEmpty()) {
                results.add(result.attr("error", "404").build());
                continue;
            }
            List<Account> audience;
            synchronized (group.get()) {
                audience = group.get().participants().stream().map(Group.Participant::account).toList();
                if (!group.get().remove(actor)) {
                    results.add(result.attr("error", "403").build());
                    continue;
                }
            }
            context.notifier().notify(group.get(), actor, audience,
                    Node.builder("remove").children(GroupNodes.participant(group.get(), actor)).build());
            context.registry().dropIfEmpty(group.get());
            results.add(result.build());
        }
        return Optional.of(List.of(Node.builder("leave").children(results).build()));
    }
}
