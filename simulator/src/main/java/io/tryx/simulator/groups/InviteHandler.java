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
 * {@code <invite/>} IQs of {@code xmlns=w:g2}:
 * <ul>
 *   <li>{@code get to=<group> <invite/>}: the group's invite code as {@code <invite code/>} (admins only: 401);</li>
 *   <li>{@code set to=<group> <invite/>}: revokes it and answers the new {@code <invite code/>}; the admins get
 *       {@code <notification type="w:gp2"><invite code/></notification>};</li>
 *   <li>{@code get to=@g.us <invite code/>}: the group behind a code as {@code <group>}, without joining;</li>
 *   <li>{@code set to=@g.us <invite code/>}: joins it, answered {@code <group jid/>}; the group gets
 *       {@code <add reason="invite"><participant jid/></add>}. Joining a group one is in answers its JID
 *       without a change.</li>
 * </ul>
 * When the group's admins approve joins ({@code membership_approval_mode}), a join by someone not in it only
 * records a request: answered {@code <membership_approval_request jid/>}, the admins get
 * {@code <created_membership_requests request_method="invite_link"><participant/></...>} (see
 * {@link MembershipHandler}). A revoked code answers 410 gone, an unknown one 406 not acceptable.
 */
public final class InviteHandler implements IqHandler {

    private final GroupContext context;

    public InviteHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Node invite = GroupContext.operation(iq);
        boolean set = "set".equals(iq.attrs().optionalString("type").orElse(""));
        Optional<String> code = invite.attrs().optionalString("code");
        if (code.isPresent()) {
            Group group = byCode(code.get());
            return Optional.of(List.of(set ? join(group, actor) : GroupNodes.group(group.view())));
        }
        Group group = context.group(iq);
        context.admin(group, actor);
        if (!set) {
            return Optional.of(List.of(Node.builder("invite").attr("code", context.registry().inviteCode(group)).build()));
        }
        String fresh = context.registry().revokeInviteCode(group);
        List<Account> admins = group.participants().stream().filter(p -> p.role().isAdmin()).map(Group.Participant::account).toList();
        context.notifier().notify(group, actor, admins, Node.builder("invite").attr("code", fresh).build());
        return Optional.of(List.of(Node.builder("invite").attr("code", fresh).build()));
    }

    private Group byCode(String code) {
        return switch (context.registry().lookup(code)) {
            case GroupRegistry.InviteLookup.Valid valid -> valid.group();
            case GroupRegistry.InviteLookup.Revoked revoked -> throw new IqException(IqError.GONE, "invite code revoked");
            case GroupRegistry.InviteLookup.Unknown unknown -> throw new IqException(IqError.NOT_ACCEPTABLE, "unknown invite code");
        };
    }

    private Node join(Group group, Account actor) {
        boolean asked;
        synchronized (group) {
            if (!group.joinApproval() || group.isParticipant(actor)) {
                asked = false;
            } else {
                asked = true;
                if (!group.request(actor, context.now())) {
                    return Node.builder("membership_approval_request").attr("jid", group.jid()).build();
                }
            }
        }
        if (asked) {
            context.notifier().notify(group, actor, MembershipHandler.admins(group), Node.builder("created_membership_requests")
                    .attr("request_method", "invite_link").children(GroupNodes.participant(group, actor)).build());
            return Node.builder("membership_approval_request").attr("jid", group.jid()).build();
        }
        if (group.add(actor, GroupRole.MEMBER)) {
            context.notifier().notifyParticipants(group, actor, Node.builder("add").attr("reason", "invite")
                    .children(GroupNodes.participant(group, actor)).build());
        }
        return Node.builder("group").attr("jid", group.jid()).build();
    }
}
