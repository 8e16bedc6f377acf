package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code iq set xmlns=w:g2 to=<group> <add|remove|promote|demote><participant jid/>...</...>}: answered
 * {@code <action><participant jid error?/>...</action>}, one result per requested participant: {@code add}
 * 404 for a user without account, 409 for one already in; {@code remove}, {@code promote}, {@code demote} 404
 * for one not in; removing or demoting the superadmin (by anybody else) 403. The actor must be a participant
 * (403) and an admin (401), except that any member may add when the group's {@code member_add_mode} is
 * {@code all_member_add}. The changed participants are announced to everyone in the group before or after
 * the change with {@code <notification type="w:gp2"><action><participant jid lid/>...</action>}; a group
 * left empty is forgotten.
 */
public final class ParticipantsHandler implements IqHandler {

    private final GroupContext context;

    public ParticipantsHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Group group = context.group(iq);
        Node operation = GroupContext.operation(iq);
        String action = operation.tag();
        List<Node> results = new ArrayList<>();
        List<Account> changed = new ArrayList<>();
        Map<String, Account> audience = new LinkedHashMap<>();
        synchronized (group) {
            GroupRole actorRole = context.member(group, actor);
            boolean mayAct = actorRole.isAdmin() || (action.equals("add") && group.settings().allMembersAdd());
            if (!mayAct) {
                throw new IqException(IqError.NOT_AUTHORIZED, actor.phone() + " may not " + action + " in " + group);
            }
            group.participants().forEach(p -> audience.put(p.account().phone(), p.account()));
            for (Node participant : operation.children("participant")) {
                String jid = participant.attrs().optionalString("jid")
                        .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "participant without jid"));
                Optional<Account> target = context.account(jid);
                int error = target.map(t -> apply(group, action, actor, actorRole, t)).orElse(404);
                Node.Builder result = Node.builder("participant").attr("jid", jid);
                if (error != 0) {
                    result.attr("error", error);
                } else {
                    changed.add(target.get());
                    audience.putIfAbsent(target.get().phone(), target.get());
                }
                results.add(result.build());
            }
        }
        if (!changed.isEmpty()) {
            Node change = Node.builder(action).children(changed.stream().map(a -> GroupNodes.participant(group, a)).toList()).build();
            context.notifier().notify(group, actor, audience.values(), change);
        }
        if (action.equals("remove")) {
            context.registry().dropIfEmpty(group);
        }
        return Optional.of(List.of(Node.builder(action).children(results).build()));
    }

    /** Applies one participant change; returns 0 on success, else the participant's error code. */
    private static int apply(Group group, String action, Account actor, GroupRole actorRole, Account target) {
        Optional<GroupRole> role = group.role(target);
        boolean protectedTarget = role.filter(r -> r == GroupRole.SUPERADMIN).isPresent()
                && target != actor && actorRole != GroupRole.SUPERADMIN;
        return switch (action) {
            case "add" -> group.add(target, GroupRole.MEMBER) ? 0 : 409;
            case "remove" -> role.isEmpty() ? 404 : protectedTarget ? 403 : group.remove(target) ? 0 : 404;
            case "promote" -> role.isEmpty() ? 404 : role.get().isAdmin() || group.setRole(target, GroupRole.ADMIN) ? 0 : 404;
            case "demote" -> role.isEmpty() ? 404 : protectedTarget ? 403 : group.setRole(target, GroupRole.MEMBER) ? 0 : 404;
            default -> throw new IqException(IqError.BAD_REQUEST, "unknown participant action " + action);
        };
    }
}
