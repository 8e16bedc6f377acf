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
 * Join approval, {@code xmlns=w:g2 to=<group>}, admins only (403 not in the group, 401 no admin):
 * <ul>
 *   <li>{@code set <membership_approval_mode><group_join state="on|off"/></membership_approval_mode>}: from now
 *       on a join by invite becomes a request (see {@link InviteHandler}); the group gets the same element.
 *       Turning it off leaves the pending requests pending;</li>
 *   <li>{@code get <membership_approval_requests/>}: {@code <membership_approval_requests><membership_approval_request
 *       jid request_time/>...</membership_approval_requests>}, oldest first;</li>
 *   <li>{@code set <membership_requests_action><approve|reject><participant jid/>...</...></...>}: answered with
 *       the same element, one {@code <participant jid error?/>} per requester (404 when it had not asked). An
 *       approved requester becomes a member and the group (the requester included) gets {@code <add>}; a
 *       rejected one is told with the admins by {@code <revoked_membership_requests><participant/></...>}.</li>
 * </ul>
 */
public final class MembershipHandler implements IqHandler {

    private final GroupContext context;

    public MembershipHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Group group = context.group(iq);
        Node operation = GroupContext.operation(iq);
        context.admin(group, actor);
        return switch (operation.tag()) {
            case "membership_approval_mode" -> mode(actor, group, operation);
            case "membership_approval_requests" -> Optional.of(List.of(requests(group)));
            case "membership_requests_action" -> Optional.of(List.of(decide(actor, group, operation)));
            default -> throw new IqException(IqError.BAD_REQUEST, "unknown membership operation " + operation.tag());
        };
    }

    private Optional<List<Node>> mode(Account actor, Group group, Node operation) {
        String state = operation.child("group_join").flatMap(j -> j.attrs().optionalString("state"))
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "membership_approval_mode without group_join state"));
        if (!state.equals("on") && !state.equals("off")) {
            throw new IqException(IqError.BAD_REQUEST, "group_join state must be on or off, not " + state);
        }
        group.joinApproval(state.equals("on"));
        context.notifier().notifyParticipants(group, actor, GroupNodes.joinApproval(state.equals("on")));
        return Optional.of(List.of());
    }

    private Node requests(Group group) {
        boolean lid = group.lidAddressed();
        return Node.builder("membership_approval_requests").children(group.requests().stream().map(r -> {
            Account a = r.account();
            return Node.builder("membership_approval_request").attr("jid", lid ? a.lid() : a.jid())
                    .attr(lid ? "phone_number" : "lid", lid ? a.jid() : a.lid()).attr("request_time", r.time()).build();
        }).toList()).build();
    }

    private Node decide(Account actor, Group group, Node action) {
        Node decision = action.children().stream().findFirst()
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "membership_requests_action without approve or reject"));
        boolean approve = switch (decision.tag()) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw new IqException(IqError.BAD_REQUEST, "unknown decision " + decision.tag());
        };
        List<Node> results = new ArrayList<>();
        List<Account> decided = new ArrayList<>();
        for (Node participant : decision.children("participant")) {
            String jid = participant.attrs().optionalString("jid")
                    .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "participant without jid"));
            Optional<Account> requester = context.account(jid);
            boolean taken;
            synchronized (group) {
                taken = requester.flatMap(group::takeRequest).isPresent();
                if (taken && approve) {
                    group.add(requester.get(), GroupRole.MEMBER);
                }
            }
            Node.Builder result = Node.builder("participant").attr("jid", jid);
            if (taken) {
                decided.add(requester.get());
            } else {
                result.attr("error", 404);
            }
            results.add(result.build());
        }
        if (!decided.isEmpty()) {
            List<Node> who = decided.stream().map(a -> GroupNodes.participant(group, a)).toList();
            if (approve) {
                context.notifier().notifyParticipants(group, actor, Node.builder("add").children(who).build());
            } else {
                List<Account> told = new ArrayList<>(admins(group));
                told.addAll(decided);
                context.notifier().notify(group, actor, told,
                        Node.builder("revoked_membership_requests").children(who).build());
            }
        }
        return Node.builder("membership_requests_action").children(Node.builder(decision.tag()).children(results).build())
                .build();
    }

    /** The group's admins. */
    static List<Account> admins(Group group) {
        return group.participants().stream().filter(p -> p.role().isAdmin()).map(Group.Participant::account).toList();
    }
}
