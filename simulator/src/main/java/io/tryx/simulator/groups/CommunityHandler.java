package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The community IQs of {@code xmlns=w:g2}, each {@code to} the community (a group made with {@code <parent/>};
 * any other group answers 406):
 * <ul>
 *   <li>{@code set <links><link link_type="sub_group"><group jid/></link></links>}: links an existing group; the
 *       actor must admin the community (401) and the group (per-group {@code error} 401), a group that is unknown
 *       answers 404, one already linked 409, a community 406. Answered with the same element, {@code error} on a
 *       refused group. Members of both get {@code <notification from=community><link link_type><group jid
 *       subject/></link>};</li>
 *   <li>{@code set <unlink unlink_type="sub_group"><group jid/></unlink>}: unlinks (404 when not linked here,
 *       406 for the announcement group); members of both get {@code <unlink unlink_type unlink_reason>};</li>
 *   <li>{@code get <sub_groups/>}: {@code <sub_groups><group id jid subject s_t ...><default_sub_group/>?</group>
 *       ...</sub_groups>}, the announcement group first (community members only: 403);</li>
 *   <li>{@code get <linked_groups_participants/>}: everyone in the community and its linked groups, each once.</li>
 * </ul>
 */
public final class CommunityHandler implements IqHandler {

    static final String SUB_GROUP = "sub_group";

    private final GroupContext context;

    public CommunityHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Group community = context.group(iq);
        if (!community.isParent()) {
            throw new IqException(IqError.NOT_ACCEPTABLE, community + " is no community");
        }
        Node operation = GroupContext.operation(iq);
        return Optional.of(List.of(switch (operation.tag()) {
            case "links" -> links(actor, community, operation);
            case "unlink" -> unlink(actor, community, operation);
            case "sub_groups" -> subGroups(actor, community);
            case "linked_groups_participants" -> participants(actor, community);
            default -> throw new IqException(IqError.BAD_REQUEST, "unknown community operation " + operation.tag());
        }));
    }

    private Node links(Account actor, Group community, Node links) {
        context.admin(community, actor);
        List<Node> answered = new ArrayList<>();
        for (Node link : links.children("link")) {
            List<Node> groups = new ArrayList<>();
            for (Node target : link.children("group")) {
                String jid = target.attrs().optionalString("jid").orElse("");
                Optional<Group> child = context.registry().find(jid);
                int error = child.map(c -> link(actor, community, c)).orElse(404);
                groups.add(result(jid, error));
            }
            answered.add(Node.builder("link").attr("link_type", SUB_GROUP).children(groups).build());
        }
        return Node.builder("links").children(answered).build();
    }

    private int link(Account actor, Group community, Group child) {
        synchronized (child) {
            if (child.isParent()) {
                return 406;
            }
            if (!child.role(actor).map(GroupRole::isAdmin).orElse(false)) {
                return 401;
            }
            if (child.linkedParent().isPresent()) {
                return 409;
            }
            child.linkedParent(community.jid());
        }
        announceLink(context, community, child, actor);
        return 0;
    }

    private Node unlink(Account actor, Group community, Node unlink) {
        context.admin(community, actor);
        List<Node> groups = new ArrayList<>();
        for (Node target : unlink.children("group")) {
            String jid = target.attrs().optionalString("jid").orElse("");
            Optional<Group> child = context.registry().find(jid);
            int error = child.map(c -> unlink(actor, community, c)).orElse(404);
            groups.add(result(jid, error));
        }
        return Node.builder("unlink").attr("unlink_type", SUB_GROUP).children(groups).build();
    }

    private int unlink(Account actor, Group community, Group child) {
        Group.GroupView before;
        synchronized (child) {
            if (!child.linkedParent().filter(community.jid()::equals).isPresent()) {
                return 404;
            }
            if (child.isDefaultSubGroup()) {
                return 406;
            }
            before = child.view();
            child.linkedParent(null);
        }
        Node change = Node.builder("unlink").attr("unlink_type", SUB_GROUP).attr("unlink_reason", "unlink_group")
                .children(GroupNodes.linkTarget(before)).build();
        context.notifier().notify(community, actor, audience(community, child), change);
        return 0;
    }

    private Node subGroups(Account actor, Group community) {
        context.member(community, actor);
        List<Node> groups = linked(community).stream().map(g -> GroupNodes.linkTarget(g.view())).toList();
        return Node.builder("sub_groups").children(groups).build();
    }

    private Node participants(Account actor, Group community) {
        context.member(community, actor);
        Map<String, Account> everyone = new LinkedHashMap<>();
        List<Group> all = new ArrayList<>();
        all.add(community);
        all.addAll(linked(community));
        all.forEach(g -> g.participants().forEach(p -> everyone.putIfAbsent(p.account().phone(), p.account())));
        return Node.builder("linked_groups_participants").children(everyone.values().stream()
                .map(a -> GroupNodes.participant(a, GroupRole.MEMBER, community.lidAddressed())).toList()).build();
    }

    /** The groups linked to {@code community}, its announcement group first, then by creation. */
    private List<Group> linked(Group community) {
        return context.registry().groups().stream()
                .filter(g -> g.linkedParent().filter(community.jid()::equals).isPresent())
                .sorted(Comparator.comparing((Group g) -> !g.isDefaultSubGroup()).thenComparing(g -> g.view().creation()))
                .toList();
    }

    /** Tells the members of the community and of {@code child} that {@code actor} linked it. */
    static void announceLink(GroupContext context, Group community, Group child, Account actor) {
        Node change = Node.builder("link").attr("link_type", SUB_GROUP).children(GroupNodes.linkTarget(child.view())).build();
        context.notifier().notify(community, actor, audience(community, child), change);
    }

    private static List<Account> audience(Group community, Group child) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Group g : List.of(community, child)) {
            g.participants().forEach(p -> accounts.putIfAbsent(p.account().phone(), p.account()));
        }
        return List.copyOf(accounts.values());
    }

    private static Node result(String jid, int error) {
        Node.Builder group = Node.builder("group").attr("jid", jid);
        if (error != 0) {
            group.attr("error", error);
        }
        return group.build();
    }
}
