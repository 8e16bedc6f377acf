package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.List;
import java.util.Optional;

/**
 * {@code iq set xmlns=w:g2 to=<group> <subject>new name</subject>}: renames the group (any participant,
 * only admins when it is locked: 401) and announces {@code <subject subject s_o s_t/>} to the group. A blank
 * or over-long subject answers 406.
 */
public final class SubjectHandler implements IqHandler {

    private final GroupContext context;

    public SubjectHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Group group = context.group(iq);
        String subject = CreateHandler.validSubject(GroupContext.text(GroupContext.operation(iq)).orElse(""));
        long now = context.now();
        synchronized (group) {
            GroupRole role = context.member(group, actor);
            if (group.settings().locked() && !role.isAdmin()) {
                throw new IqException(IqError.NOT_AUTHORIZED, "only admins edit a locked group");
            }
            group.subject(subject, actor, now);
        }
        context.notifier().notifyParticipants(group, actor, Node.builder("subject").attr("subject", subject)
                .attr("s_o", actor.jid()).attr("s_t", now).build());
        return Optional.of(List.of());
    }
}
